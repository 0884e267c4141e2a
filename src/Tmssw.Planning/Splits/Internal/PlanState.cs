namespace Tmssw.Planning.Splits.Internal;

/// <summary>A plan with incremental bookkeeping: score and a count of hard-rule violation units, updated in O(1)
/// per move (O(genders + pair partners)). Used by greedy and local search.</summary>
internal sealed class PlanState
{
    private readonly Indexed ix;
    private readonly int m, k, g, r, l;
    public int[] A { get; }
    public int[] Size { get; }
    private readonly int[] cc, gc, rc, lc, distinct;
    private readonly List<int>[] members;
    private readonly int[] pos;

    /// <summary>Score per the format's formula over assigned participants.</summary>
    public long Score { get; private set; }

    /// <summary>Violation units: unassigned participants, places outside size ranges, broken locks and pairs,
    /// extra or unoffered languages, region excess. Zero means the plan meets every hard rule.</summary>
    public long Viol { get; private set; }

    /// <summary>Weight making one violation unit worse than any score difference.</summary>
    public long BigV { get; }

    public long Objective => Score - BigV * Viol;

    public PlanState(Indexed ix, int[] start)
    {
        this.ix = ix;
        m = ix.M; k = Math.Max(ix.K, 1); g = Math.Max(ix.G, 1); r = Math.Max(ix.R, 1); l = Math.Max(ix.L, 1);
        A = Enumerable.Repeat(-1, ix.N).ToArray();
        Size = new int[m];
        cc = new int[m * k]; gc = new int[m * g]; rc = new int[m * r]; lc = new int[m * l]; distinct = new int[m];
        members = Enumerable.Range(0, m).Select(_ => new List<int>()).ToArray();
        pos = new int[ix.N];
        long range = 1;
        for (int p = 0; p < ix.N; p++)
        {
            long best = 0;
            for (int c = 0; c < m; c++)
            {
                best = Math.Max(best, ix.Theme[p * m + c]);
            }

            range += best + ix.WChange + ix.WSameCountry;
        }
        range += (long)m * ix.G * ix.WIso;
        BigV = range + 1;
        Viol = ix.N;
        for (int c = 0; c < m; c++)
        {
            Viol += SizeViol(c);
        }

        for (int p = 0; p < ix.N; p++)
        {
            if (start[p] >= 0)
            {
                Move(p, start[p]);
            }
        }
    }

    public IReadOnlyList<int> Members(int c) => members[c];

    private int SizeViol(int c) => Size[c] < ix.Min[c] ? ix.Min[c] - Size[c] : Size[c] > ix.Max[c] ? Size[c] - ix.Max[c] : 0;

    private int Iso(int c)
    {
        if (Size[c] < 2)
        {
            return 0;
        }

        int n = 0;
        for (int x = 0; x < ix.G; x++)
        {
            if (gc[c * g + x] == 1)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Moves p to city <paramref name="to"/> (-1: unassign), updating score and violations.</summary>
    public void Move(int p, int to)
    {
        int from = A[p];
        if (from == to)
        {
            return;
        }

        if (from >= 0)
        {
            Remove(p, from);
        }

        if (to >= 0)
        {
            Add(p, to);
        }
    }

    private void Remove(int p, int c)
    {
        long score = Score, viol = Viol;
        score -= ix.Theme[p * m + c];
        int kk = c * k + ix.Country[p];
        if (cc[kk] > ix.MaxPerCountry)
        {
            score += ix.WSameCountry;
        }

        cc[kk]--;
        int isoBefore = Iso(c);
        int svBefore = SizeViol(c);
        Size[c]--;
        if (ix.Gender[p] >= 0)
        {
            gc[c * g + ix.Gender[p]]--;
        }

        score -= ix.WIso * (Iso(c) - isoBefore);
        viol += SizeViol(c) - svBefore;
        if (ix.Region[p] >= 0)
        {
            int rr = c * r + ix.Region[p];
            if (rc[rr] > ix.MaxPerRegion)
            {
                viol--;
            }

            rc[rr]--;
        }
        if (ix.Lang[p] >= 0)
        {
            int ll = c * l + ix.Lang[p];
            if (!ix.LangOk[ll])
            {
                viol--;
            }

            lc[ll]--;
            if (lc[ll] == 0)
            {
                if (distinct[c] > ix.Interp[c])
                {
                    viol--;
                }

                distinct[c]--;
            }
        }
        if (ix.Prev[p] != -1 && ix.Prev[p] != c)
        {
            score += ix.WChange;
        }

        if (ix.Lock[p] >= 0 && ix.Lock[p] != c)
        {
            viol--;
        }

        foreach (int q in ix.ApartOf[p])
        {
            if (A[q] == c)
            {
                viol--;
            }
        }

        foreach (int q in ix.TogetherOf[p])
        {
            if (A[q] >= 0 && A[q] != c)
            {
                viol--;
            }
        }

        viol++; // now unassigned
        A[p] = -1;
        var list = members[c];
        int i = pos[p], last = list[^1];
        list[i] = last; pos[last] = i; list.RemoveAt(list.Count - 1);
        Score = score; Viol = viol;
    }

    private void Add(int p, int c)
    {
        long score = Score, viol = Viol;
        score += ix.Theme[p * m + c];
        int kk = c * k + ix.Country[p];
        if (cc[kk] >= ix.MaxPerCountry)
        {
            score -= ix.WSameCountry;
        }

        cc[kk]++;
        int isoBefore = Iso(c);
        int svBefore = SizeViol(c);
        Size[c]++;
        if (ix.Gender[p] >= 0)
        {
            gc[c * g + ix.Gender[p]]++;
        }

        score -= ix.WIso * (Iso(c) - isoBefore);
        viol += SizeViol(c) - svBefore;
        if (ix.Region[p] >= 0)
        {
            int rr = c * r + ix.Region[p];
            if (rc[rr] >= ix.MaxPerRegion)
            {
                viol++;
            }

            rc[rr]++;
        }
        if (ix.Lang[p] >= 0)
        {
            int ll = c * l + ix.Lang[p];
            if (!ix.LangOk[ll])
            {
                viol++;
            }

            if (lc[ll] == 0)
            {
                distinct[c]++;
                if (distinct[c] > ix.Interp[c])
                {
                    viol++;
                }
            }
            lc[ll]++;
        }
        if (ix.Prev[p] != -1 && ix.Prev[p] != c)
        {
            score -= ix.WChange;
        }

        if (ix.Lock[p] >= 0 && ix.Lock[p] != c)
        {
            viol++;
        }

        foreach (int q in ix.ApartOf[p])
        {
            if (A[q] == c)
            {
                viol++;
            }
        }

        foreach (int q in ix.TogetherOf[p])
        {
            if (A[q] >= 0 && A[q] != c)
            {
                viol++;
            }
        }

        viol--; // no longer unassigned
        A[p] = c;
        pos[p] = members[c].Count;
        members[c].Add(p);
        Score = score; Viol = viol;
    }

    public int CountryCount(int c, int country) => cc[c * k + country];
    public int GenderCount(int c, int gender) => gc[c * g + gender];
    public int RegionCount(int c, int region) => rc[c * r + region];
    public int LangCount(int c, int lang) => lc[c * l + lang];
    public int Distinct(int c) => distinct[c];
}
