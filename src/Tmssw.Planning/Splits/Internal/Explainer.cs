namespace Tmssw.Planning.Splits.Internal;

/// <summary>One sentence per participant saying why this city.</summary>
internal static class Explainer
{
    public static Dictionary<string, string> Explain(Indexed ix, int[] a)
    {
        var state = new PlanState(ix, a);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        int m = ix.M;
        for (int p = 0; p < ix.N; p++)
        {
            int c = a[p];
            var parts = new List<string>();
            if (ix.Lock[p] >= 0)
            {
                parts.Add($"locked to {ix.CityName(c)}");
            }
            else if (ix.Prev[p] == c)
            {
                parts.Add("kept from the previous plan");
            }
            else if (ix.Prev[p] == -2)
            {
                parts.Add("moved because the previous city is no longer offered");
            }
            else if (ix.Prev[p] >= 0)
            {
                parts.Add(MovedReason(ix, state, p, ix.Prev[p]));
            }

            var matches = Matches(ix, p, c);
            parts.Add(matches.Count > 0 ? $"{Join(matches)} match{(matches.Count == 1 ? "es" : "")}" : "no theme match");

            if (ix.Lock[p] < 0 && ix.Prev[p] != c)
            {
                // The best-matching city elsewhere, and why not there.
                int better = -1;
                for (int b = 0; b < m; b++)
                {
                    if (b != c && ix.Allowed[p * m + b] && ix.Theme[p * m + b] > ix.Theme[p * m + c] &&
                        (better < 0 || ix.Theme[p * m + b] > ix.Theme[p * m + better]))
                    {
                        better = b;
                    }
                }

                if (better >= 0)
                {
                    parts.Add($"{ix.CityName(better)} matches better but {WhyNot(ix, state, p, better)}");
                }
                else if (matches.Count == 0)
                {
                    parts.Add("placed to balance group sizes");
                }
            }
            if (ix.TogetherOf[p].Length > 0)
            {
                parts.Add("together with " + Join(ix.TogetherOf[p].Select(q => ix.PId[q]).ToList()));
            }

            result[ix.PId[p]] = string.Join("; ", parts);
        }
        return result;
    }

    private static List<string> Matches(Indexed ix, int p, int c)
    {
        var strengths = ix.Cities[c].Themes;
        return ix.Instance.Participants[p].Themes
            .Where(t => strengths.TryGetValue(t, out int s) && s > 0)
            .Select(t => $"{t} ({strengths[t]})").ToList();
    }

    private static string Join(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string MovedReason(Indexed ix, PlanState state, int p, int prev)
    {
        string from = $"moved from {ix.CityName(prev)}";
        var (rule, detail) = Consequence(ix, state, p, prev);
        if (rule is not null)
        {
            return $"{from} to satisfy {rule}";
        }

        return $"{from}: {detail}";
    }

    private static string WhyNot(Indexed ix, PlanState state, int p, int b)
    {
        var (rule, detail) = Consequence(ix, state, p, b);
        return rule is not null ? $"moving there would break {rule}" : detail;
    }

    /// <summary>What moving p alone to city b would do: the hard rule it breaks (rule), or the score change.</summary>
    private static (string? Rule, string Detail) Consequence(Indexed ix, PlanState state, int p, int b)
    {
        int c = state.A[p];
        long v0 = state.Viol, s0 = state.Score;
        state.Move(p, b);
        long dv = state.Viol - v0, ds = state.Score - s0;
        string? rule = null;
        if (dv > 0)
        {
            if (state.Size[b] > ix.Max[b])
            {
                rule = $"the size limit of {ix.CityName(b)} (max {ix.Max[b]})";
            }
            else if (state.Size[c] < ix.Min[c])
            {
                rule = $"the minimum size of {ix.CityName(c)} ({ix.Min[c]})";
            }
            else if (ix.Lang[p] >= 0 && !ix.LangOk[b * ix.L + ix.Lang[p]])
            {
                rule = $"the {ix.LangName(ix.Lang[p])} interpretation need ({ix.CityName(b)} does not offer it)";
            }
            else if (ix.Lang[p] >= 0 && state.Distinct(b) > ix.Interp[b])
            {
                rule = $"the {ix.LangName(ix.Lang[p])} interpretation limit";
            }
            else if (ix.Region[p] >= 0 && state.RegionCount(b, ix.Region[p]) > ix.MaxPerRegion)
            {
                rule = $"the region limit for {ix.RegionName[ix.Region[p]]}";
            }
            else if (ix.ApartOf[p].FirstOrDefault(q => state.A[q] == b, -1) is var q1 and >= 0)
            {
                rule = $"the apart rule with {ix.PId[q1]}";
            }
            else if (ix.TogetherOf[p].Length > 0)
            {
                rule = $"the together rule with {Join(ix.TogetherOf[p].Select(q => ix.PId[q]).ToList())}";
            }
            else
            {
                rule = "a hard rule";
            }
        }
        var why = new List<string>();
        if (rule is null)
        {
            if (state.CountryCount(b, ix.Country[p]) > ix.MaxPerCountry)
            {
                why.Add($"{ix.CityName(b)} already has {Plural(state.CountryCount(b, ix.Country[p]) - 1)} from {ix.CountryName[ix.Country[p]]}");
            }

            if (ix.Gender[p] >= 0 && state.GenderCount(c, ix.Gender[p]) == 1 && state.Size[c] >= 2)
            {
                why.Add($"it would leave one {ix.GenderName[ix.Gender[p]]} participant alone in {ix.CityName(c)}");
            }

            if (ix.Prev[p] >= 0 && ix.Prev[p] != b && ix.Prev[p] == c)
            {
                why.Add("it would change the previous plan");
            }
        }
        state.Move(p, c);
        string detail = ds < 0
            ? $"the score would drop by {-ds}{(why.Count > 0 ? " (" + string.Join("; ", why) + ")" : "")}"
            : ds == 0 ? "it would not raise the score" : $"the score would rise by {ds} alone, but not as part of the best plan";
        return (rule, detail);
    }

    private static string Plural(int n) => n == 1 ? "a participant" : $"{n} participants";
}
