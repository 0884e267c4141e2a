using System.Diagnostics;

namespace Tmssw.Planning.Splits.Internal;

/// <summary>Greedy construction and local search (moves of together-units, swaps of single participants).</summary>
internal static class Heuristics
{
    /// <summary>Hardest-first greedy: each unit (a together-component) goes to the city with the fewest added
    /// violations, then the best marginal score; cities still short of minSize are preferred once the remaining
    /// participants are just enough to fill them.</summary>
    public static PlanState Greedy(Indexed ix, int seed)
    {
        var rng = new Random(seed);
        var state = new PlanState(ix, Enumerable.Repeat(-1, ix.N).ToArray());
        int m = ix.M;
        var units = ix.Components;
        var allowedCount = new int[units.Length];
        var spread = new long[units.Length];
        var locked = new bool[units.Length];
        for (int u = 0; u < units.Length; u++)
        {
            var best = new long[2];
            for (int c = 0; c < m; c++)
            {
                if (units[u].All(p => ix.Allowed[p * m + c]))
                {
                    allowedCount[u]++;
                }

                long t = units[u].Sum(p => ix.Theme[p * m + c]);
                if (t > best[0]) { best[1] = best[0]; best[0] = t; }
                else if (t > best[1])
                {
                    best[1] = t;
                }
            }
            spread[u] = best[0] - best[1];
            locked[u] = units[u].Any(p => ix.Lock[p] >= 0);
        }
        var order = Enumerable.Range(0, units.Length).OrderBy(_ => rng.Next()).ToArray();
        order = order.OrderByDescending(u => locked[u]).ThenBy(u => allowedCount[u])
            .ThenByDescending(u => units[u].Length).ThenByDescending(u => spread[u]).ToArray();

        int remaining = ix.N;
        foreach (int u in order)
        {
            var unit = units[u];
            long shortfall = 0;
            for (int c = 0; c < m; c++)
            {
                shortfall += Math.Max(0, ix.Min[c] - state.Size[c]);
            }

            bool mustFill = remaining <= shortfall;
            int bestCity = -1;
            long bestViol = long.MaxValue, bestScore = long.MinValue;
            bool bestFits = false;
            for (int c = 0; c < m; c++)
            {
                if (allowedCount[u] > 0 && !unit.All(p => ix.Allowed[p * m + c]))
                {
                    continue;
                }

                if (mustFill && state.Size[c] >= ix.Min[c])
                {
                    continue;
                }

                bool fits = state.Size[c] + unit.Length <= ix.Max[c];
                long v0 = state.Viol, s0 = state.Score;
                foreach (int p in unit)
                {
                    state.Move(p, c);
                }

                long dv = state.Viol - v0, ds = state.Score - s0;
                foreach (int p in unit)
                {
                    state.Move(p, -1);
                }

                if ((fits && !bestFits) || (fits == bestFits && (dv < bestViol || (dv == bestViol && ds > bestScore))))
                {
                    bestCity = c; bestViol = dv; bestScore = ds; bestFits = fits;
                }
            }
            if (bestCity < 0)
            {
                bestCity = rng.Next(m);
            }

            foreach (int p in unit)
            {
                state.Move(p, bestCity);
            }

            remaining -= unit.Length;
        }
        return state;
    }

    /// <summary>First-improvement local search on unit moves and single swaps until no move improves
    /// (violations first, then score) or the deadline passes. Returns the number of passes made.</summary>
    public static int Improve(Indexed ix, PlanState state, Stopwatch clock, TimeSpan deadline, int seed,
        CancellationToken ct, Action<PlanState>? onImproved = null)
    {
        var rng = new Random(seed);
        int m = ix.M;
        var units = ix.Components.Where(u => u.All(p => ix.Lock[p] < 0)).ToArray();
        int topT = Math.Min(m - 1, 8);
        var candScore = new long[m];
        var candCity = new int[m];
        int passes = 0;
        bool improved = true;
        while (improved && clock.Elapsed < deadline && !ct.IsCancellationRequested)
        {
            improved = false;
            passes++;
            Shuffle(units, rng);
            foreach (var unit in units)
            {
                if (clock.Elapsed >= deadline || ct.IsCancellationRequested)
                {
                    break;
                }

                int from = state.A[unit[0]];
                long obj0 = state.Objective, s0 = state.Score;
                long bestGain = 0; int bestCity = -1;
                int nc = 0;
                for (int c = 0; c < m; c++)
                {
                    if (c == from)
                    {
                        continue;
                    }

                    bool ok = true;
                    foreach (int p in unit)
                    {
                        if (!ix.Allowed[p * m + c]) { ok = false; break; }
                    }

                    if (!ok)
                    {
                        continue;
                    }

                    foreach (int p in unit)
                    {
                        state.Move(p, c);
                    }

                    long gain = state.Objective - obj0, ds = state.Score - s0;
                    foreach (int p in unit)
                    {
                        state.Move(p, from);
                    }

                    if (gain > bestGain) { bestGain = gain; bestCity = c; }
                    if (unit.Length == 1) { candScore[nc] = ds; candCity[nc++] = c; }
                }
                if (bestCity >= 0)
                {
                    foreach (int p in unit)
                    {
                        state.Move(p, bestCity);
                    }

                    improved = true;
                    onImproved?.Invoke(state);
                    continue;
                }
                if (unit.Length != 1 || from < 0)
                {
                    continue;
                }
                // Swaps with the members of the cities the participant would gain most in.
                int p0 = unit[0];
                Array.Sort(candScore, candCity, 0, nc);
                for (int h = nc - 1; h >= 0 && h >= nc - topT; h--)
                {
                    int c = candCity[h];
                    var list = state.Members(c);
                    bool done = false;
                    for (int i = 0; i < list.Count; i++)
                    {
                        int q = list[i];
                        if (ix.Lock[q] >= 0 || ix.TogetherOf[q].Length > 0 || !ix.Allowed[q * m + from])
                        {
                            continue;
                        }

                        state.Move(p0, c); state.Move(q, from);
                        if (state.Objective > obj0) { done = true; break; }
                        state.Move(q, c); state.Move(p0, from);
                    }
                    if (done) { improved = true; onImproved?.Invoke(state); break; }
                }
            }
        }
        return passes;
    }

    private static void Shuffle<T>(T[] a, Random rng)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
