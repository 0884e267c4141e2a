using Tmssw.Planning.Splits.Internal;

namespace Tmssw.Planning.Splits;

/// <summary>Scores a plan and lists the hard rules it breaks. Pure: no solver involved, so a page can call it
/// after every manual move.</summary>
public static class SplitScorer
{
    /// <summary>Scores <paramref name="assignment"/> (participant id to city id) per the format's formula and
    /// lists every broken hard rule in words: size out of range, lock broken, apart/together broken, too many
    /// interpretation languages or a language not offered, region over its limit, participant unassigned.</summary>
    /// <exception cref="ArgumentException">The instance itself is invalid (see <see cref="SplitInstance.Validate"/>).</exception>
    public static SplitEvaluation Evaluate(SplitInstance instance, IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(assignment);
        var ix = new Indexed(instance);
        var extra = new List<string>();
        foreach (var (pid, cid) in assignment)
        {
            if (!ix.PIndex.ContainsKey(pid))
            {
                extra.Add($"the plan names unknown participant '{pid}'");
            }
            else if (cid is null || !ix.CIndex.ContainsKey(cid))
            {
                extra.Add($"{pid} is assigned to unknown city '{cid}'");
            }
        }
        var a = ix.ToArray(assignment);
        var eval = Evaluate(ix, a, true);
        if (extra.Count == 0)
        {
            return eval;
        }

        extra.AddRange(eval.Violations);
        return eval with { Violations = extra };
    }

    internal static SplitEvaluation Evaluate(Indexed ix, int[] a, bool words = true)
    {
        int n = ix.N, m = ix.M;
        var v = new List<string>();
        var size = new int[m];
        var cc = new int[m * Math.Max(ix.K, 1)];
        var gc = new int[m * Math.Max(ix.G, 1)];
        var rc = new int[m * Math.Max(ix.R, 1)];
        var lc = new int[m * Math.Max(ix.L, 1)];
        long theme = 0, changes = 0;
        for (int p = 0; p < n; p++)
        {
            int c = a[p];
            if (c < 0)
            {
                if (words)
                {
                    v.Add($"{ix.PId[p]} is not assigned to any city");
                }
                else
                {
                    v.Add("");
                }

                continue;
            }
            size[c]++;
            theme += ix.Theme[p * m + c];
            cc[c * ix.K + ix.Country[p]]++;
            if (ix.Gender[p] >= 0)
            {
                gc[c * ix.G + ix.Gender[p]]++;
            }

            if (ix.Region[p] >= 0)
            {
                rc[c * ix.R + ix.Region[p]]++;
            }

            if (ix.Lang[p] >= 0)
            {
                lc[c * ix.L + ix.Lang[p]]++;
                if (!ix.LangOk[c * ix.L + ix.Lang[p]])
                {
                    v.Add(words ? $"{ix.PId[p]} needs {ix.LangName(ix.Lang[p])} interpretation, which {ix.CityName(c)} does not offer" : "");
                }
            }
            if (ix.Prev[p] != -1 && ix.Prev[p] != c)
            {
                changes++;
            }

            if (ix.Lock[p] >= 0 && ix.Lock[p] != c)
            {
                v.Add(words ? $"{ix.PId[p]} is locked to {ix.CityName(ix.Lock[p])} but is in {ix.CityName(c)}" : "");
            }
        }
        long excess = 0, iso = 0;
        for (int c = 0; c < m; c++)
        {
            for (int k = 0; k < ix.K; k++)
            {
                excess += Math.Max(0, cc[c * ix.K + k] - ix.MaxPerCountry);
            }

            if (size[c] >= 2)
            {
                for (int g = 0; g < ix.G; g++)
                {
                    if (gc[c * ix.G + g] == 1)
                    {
                        iso++;
                    }
                }
            }

            if (size[c] > ix.Max[c])
            {
                v.Add(words ? $"{ix.CityName(c)} has {size[c]} participants, more than its maximum of {ix.Max[c]}" : "");
            }

            if (size[c] < ix.Min[c])
            {
                v.Add(words ? $"{ix.CityName(c)} has {size[c]} participants, fewer than its minimum of {ix.Min[c]}" : "");
            }

            int distinct = 0;
            for (int l = 0; l < ix.L; l++)
            {
                if (lc[c * ix.L + l] > 0)
                {
                    distinct++;
                }
            }

            if (distinct > ix.Interp[c])
            {
                var names = Enumerable.Range(0, ix.L).Where(l => lc[c * ix.L + l] > 0).Select(ix.LangName);
                v.Add(words ? $"{ix.CityName(c)} needs {distinct} interpretation languages ({string.Join(", ", names)}) but has {ix.Interp[c]} interpreter{(ix.Interp[c] == 1 ? "" : "s")}" : "");
            }
            if (ix.MaxPerRegion != int.MaxValue)
            {
                for (int r = 0; r < ix.R; r++)
                {
                    if (rc[c * ix.R + r] > ix.MaxPerRegion)
                    {
                        v.Add(words ? $"{ix.CityName(c)} has {rc[c * ix.R + r]} participants from {ix.RegionName[r]}, more than the limit of {ix.MaxPerRegion}" : "");
                    }
                }
            }
        }
        foreach (var pr in ix.Instance.Rules.Apart)
        {
            int p = ix.PIndex[pr.First], q = ix.PIndex[pr.Second];
            if (a[p] >= 0 && a[p] == a[q])
            {
                v.Add(words ? $"{pr.First} and {pr.Second} must be apart but are both in {ix.CityName(a[p])}" : "");
            }
        }
        foreach (var pr in ix.Instance.Rules.Together)
        {
            int p = ix.PIndex[pr.First], q = ix.PIndex[pr.Second];
            if (a[p] >= 0 && a[q] >= 0 && a[p] != a[q])
            {
                v.Add(words ? $"{pr.First} and {pr.Second} must be together but are in {ix.CityName(a[p])} and {ix.CityName(a[q])}" : "");
            }
        }
        var b = new ScoreBreakdown(theme, -ix.WSameCountry * excess, -ix.WIso * iso, -ix.WChange * changes);
        return new SplitEvaluation(b.Total, b, v);
    }
}
