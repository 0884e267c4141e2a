using Google.OrTools.Graph;

namespace Tmssw.Planning.Splits.Internal;

/// <summary>A network-flow relaxation of the split problem, solved exactly by min-cost flow.
/// It keeps group sizes, locks, offered languages, the region limit (when each country is in one region), the
/// theme and change terms and the exact same-country penalty (a convex cost per (country, city)); it drops the
/// interpreter count, apart/together pairs and the isolated-gender penalty (&gt;= 0). Every plan meeting the hard
/// rules is a flow of this network whose cost is at most its score, so the flow optimum is a proven upper bound on
/// the score. Flow LPs are integral, so the optimum is also an assignment (a good start for local search).</summary>
internal static class FlowBound
{
    public sealed record Result(bool Feasible, long Bound, int[] Assignment);

    /// <summary>A plan from the flow that also keeps the interpreter counts: solve the flow, and where a city gets
    /// more languages than interpreters, keep its most-used languages and forbid the others there; repeat.
    /// Not a bound (the choice of languages is heuristic), just a good start for local search.</summary>
    public static int[]? LanguageFeasiblePlan(Indexed ix, int[] flowPlan)
    {
        if (ix.L == 0)
        {
            return flowPlan;
        }

        var forbid = new bool[ix.M * ix.L];
        var a = flowPlan;
        for (int round = 0; round < 30; round++)
        {
            var count = new int[ix.M * ix.L];
            for (int p = 0; p < ix.N; p++)
            {
                if (ix.Lang[p] >= 0 && a[p] >= 0)
                {
                    count[a[p] * ix.L + ix.Lang[p]]++;
                }
            }

            bool changed = false;
            for (int c = 0; c < ix.M; c++)
            {
                var used = Enumerable.Range(0, ix.L).Where(l => count[c * ix.L + l] > 0)
                    .OrderByDescending(l => count[c * ix.L + l]).ToList();
                if (used.Count <= ix.Interp[c])
                {
                    continue;
                }

                foreach (int l in used.Skip(ix.Interp[c]))
                {
                    forbid[c * ix.L + l] = true;
                }

                changed = true;
            }
            if (!changed)
            {
                return a;
            }

            var r = Solve(ix, forbid);
            if (!r.Feasible)
            {
                return null;
            }

            a = r.Assignment;
        }
        return null;
    }

    public static Result Solve(Indexed ix, bool[]? forbidLang = null)
    {
        int n = ix.N, m = ix.M;
        bool regions = ix.MaxPerRegion != int.MaxValue;
        if (regions)
        {
            // The region level nests under countries only if each country lies in one region.
            var regionOf = new int[ix.K];
            Array.Fill(regionOf, -2);
            for (int p = 0; p < n; p++)
            {
                int k = ix.Country[p];
                if (regionOf[k] == -2)
                {
                    regionOf[k] = ix.Region[p];
                }
                else if (regionOf[k] != ix.Region[p]) { regions = false; break; }
            }
        }

        // Per-arc score of p in c (theme, minus change when c is not the previous city); cost = top - score >= 0.
        long top = 0;
        for (int p = 0; p < n; p++)
        {
            for (int c = 0; c < m; c++)
            {
                top = Math.Max(top, ix.Theme[p * m + c]);
            }
        }

        long UnitScore(int p, int c) => ix.Theme[p * m + c] - (ix.Prev[p] != -1 && ix.Prev[p] != c ? ix.WChange : 0);

        var flow = new MinCostFlow();
        int source = 0, sink = 1, next = 2;
        int[] pNode = new int[n];
        for (int p = 0; p < n; p++)
        {
            pNode[p] = next++;
        }

        int[] cNode = new int[m];
        for (int c = 0; c < m; c++)
        {
            cNode[c] = next++;
        }

        var countryNode = new Dictionary<long, int>();
        var regionNode = new Dictionary<long, int>();
        var arcs = new List<(int Arc, int P, int C)>();
        long maxUnit = top + 2 * ix.WChange + ix.WSameCountry + 1;
        long bigCost = (long)n * maxUnit + 1;

        for (int p = 0; p < n; p++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, pNode[p], 1, 0);
            for (int c = 0; c < m; c++)
            {
                if (!ix.Allowed[p * m + c])
                {
                    continue;
                }

                if (forbidLang is not null && ix.Lang[p] >= 0 && forbidLang[c * ix.L + ix.Lang[p]])
                {
                    continue;
                }

                int head = CityEntry(p, c);
                int arc = flow.AddArcWithCapacityAndUnitCost(pNode[p], head, 1, top - UnitScore(p, c) + ix.WChange);
                arcs.Add((arc, p, c));
            }
        }
        for (int c = 0; c < m; c++)
        {
            if (ix.Min[c] > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(cNode[c], sink, ix.Min[c], 0);
            }

            if (ix.Max[c] > ix.Min[c])
            {
                flow.AddArcWithCapacityAndUnitCost(cNode[c], sink, ix.Max[c] - ix.Min[c], bigCost);
            }
        }
        flow.SetNodeSupply(source, n);
        flow.SetNodeSupply(sink, -n);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return new Result(false, 0, []);
        }

        var a = Enumerable.Repeat(-1, n).ToArray();
        foreach (var (arc, p, c) in arcs)
        {
            if (flow.Flow(arc) > 0)
            {
                a[p] = c;
            }
        }

        var size = new int[m];
        foreach (int c in a)
        {
            if (c >= 0)
            {
                size[c]++;
            }
        }

        for (int c = 0; c < m; c++)
        {
            if (size[c] < ix.Min[c] || size[c] > ix.Max[c])
            {
                return new Result(false, 0, a);
            }
        }

        if (a.Any(c => c < 0))
        {
            return new Result(false, 0, a);
        }
        // The relaxed objective of this optimal flow: theme - change - same-country excess.
        var ev = SplitScorer.Evaluate(ix, a, false);
        long bound = ev.Breakdown.Theme + ev.Breakdown.Change + ev.Breakdown.SameCountry;
        return new Result(true, bound, a);

        int CityEntry(int p, int c)
        {
            // participant -> (country, city) -> [(region, city)] -> city
            int k = ix.Country[p];
            bool countryLevel = ix.CountrySize[k] > ix.MaxPerCountry && ix.WSameCountry > 0;
            int r = ix.Region[p];
            bool regionLevel = regions && r >= 0 && ix.RegionSize[r] > ix.MaxPerRegion;
            int below = cNode[c];
            if (regionLevel)
            {
                long key = (long)r * m + c;
                if (!regionNode.TryGetValue(key, out int rn))
                {
                    rn = next++;
                    regionNode[key] = rn;
                    flow.AddArcWithCapacityAndUnitCost(rn, cNode[c], ix.MaxPerRegion, 0);
                }
                below = rn;
            }
            if (!countryLevel)
            {
                return below;
            }

            long ck = (long)k * m + c;
            if (!countryNode.TryGetValue(ck, out int kn))
            {
                kn = next++;
                countryNode[ck] = kn;
                flow.AddArcWithCapacityAndUnitCost(kn, below, ix.MaxPerCountry, 0);
                flow.AddArcWithCapacityAndUnitCost(kn, below, n, ix.WSameCountry);
            }
            return kn;
        }
    }
}
