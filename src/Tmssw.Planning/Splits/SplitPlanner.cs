using System.Diagnostics;
using Google.OrTools.Sat;
using Tmssw.Planning.Splits.Internal;

namespace Tmssw.Planning.Splits;

/// <summary>Assigns a cohort to city groups: hard rules met, score maximized (docs/formats/split-instance.md).</summary>
/// <remarks>Pure: no I/O. Phases: quick arithmetic infeasibility checks; a min-cost-flow relaxation (a proven
/// upper bound and a near-feasible plan); greedy and local search; then CP-SAT, either on the whole model with the
/// best plan as a full hint (small instances) or as large-neighbourhood search, re-solving the groups of a few
/// cities at a time (large ones). The returned score is always recomputed with <see cref="SplitScorer"/>.</remarks>
public static class SplitPlanner
{
    /// <summary>Up to this many participant×city booleans the whole model goes to CP-SAT; above, LNS.</summary>
    /// <remarks>Measured on a 2-core machine: M (500×40) is proven optimal by the whole model in 5–10 s, while L
    /// (2000×100) gets no first plan in 30 s that way; LNS from the local-search plan gets L within ~3% in 60 s.</remarks>
    internal static int FullModelLimit { get; set; } = 40000;

    /// <summary>Solves <paramref name="instance"/> within <see cref="SplitOptions.TimeLimit"/>.</summary>
    /// <returns>Optimal (score equals the proven bound), Feasible (best plan found, bound above it), Infeasible
    /// (with <see cref="SplitResult.Conflicts"/> naming the clashing rules) or Unknown (no plan in time).</returns>
    /// <exception cref="ArgumentException">The instance is invalid (see <see cref="SplitInstance.Validate"/>).</exception>
    public static SplitResult Solve(SplitInstance instance, SplitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        options ??= new SplitOptions();
        var run = new PlannerRun(new Indexed(instance), options);
        return run.Execute();
    }
}

internal sealed class PlannerRun
{
    private readonly Indexed ix;
    private readonly SplitOptions options;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private int[]? best;
    private long bestScore = long.MinValue;
    private long? bound;
    private readonly int workers;

    public PlannerRun(Indexed ix, SplitOptions options)
    {
        this.ix = ix;
        this.options = options;
        workers = Math.Max(1, options.Workers);
    }

    private TimeSpan Remaining => options.TimeLimit - clock.Elapsed;
    private bool Stopped => options.CancellationToken.IsCancellationRequested || Remaining <= TimeSpan.Zero;

    public SplitResult Execute()
    {
        var quick = Conflicts.QuickChecks(ix);
        if (quick.Count > 0)
        {
            return Infeasible(quick);
        }

        var flow = FlowBound.Solve(ix);
        if (!flow.Feasible)
        {
            return Infeasible(["group sizes, locks, offered interpretation languages and the region limit cannot all be met " +
                               "(no assignment exists even ignoring interpreter counts, pairs and penalties)"]);
        }

        bound = flow.Bound;

        // Heuristics: greedy + local search, and local search from the flow plan.
        var lsBudget = TimeSpan.FromTicks(Math.Min(options.TimeLimit.Ticks / 5, TimeSpan.FromSeconds(10).Ticks));
        var flowState = new PlanState(ix, FlowBound.LanguageFeasiblePlan(ix, flow.Assignment) ?? flow.Assignment);
        if (flowState.Viol == 0)
        {
            Offer(flowState.A, flowState.Score, "flow");
        }

        Heuristics.Improve(ix, flowState, clock, clock.Elapsed + lsBudget / 2, options.Seed, options.CancellationToken);
        if (flowState.Viol == 0)
        {
            Offer(flowState.A, flowState.Score, "local search");
        }

        var greedy = Heuristics.Greedy(ix, options.Seed);
        if (greedy.Viol == 0)
        {
            Offer(greedy.A, greedy.Score, "greedy");
        }

        Heuristics.Improve(ix, greedy, clock, clock.Elapsed + lsBudget / 2, options.Seed + 1, options.CancellationToken);
        if (greedy.Viol == 0)
        {
            Offer(greedy.A, greedy.Score, "local search");
        }

        var hint = best ?? (greedy.Viol <= flowState.Viol ? greedy.A : flowState.A);

        if (!Stopped && !IsOptimal())
        {
            long pairs = 0;
            for (int i = 0; i < ix.N * ix.M; i++)
            {
                if (ix.Allowed[i])
                {
                    pairs++;
                }
            }

            bool full = pairs <= SplitPlanner.FullModelLimit;
            if (full || best is null)
            {
                var status = SolveFull(hint, best is null && !full ? 0.5 : 1.0);
                if (status == CpSolverStatus.Infeasible)
                {
                    return Infeasible([]);
                }
            }
            if (best is not null && !Stopped && !IsOptimal() && !full)
            {
                Lns();
            }
        }

        if (best is null)
        {
            return new SplitResult(PlanningStatus.Unknown, null, bound, new Dictionary<string, string>(),
                null, new Dictionary<string, string>(), [], clock.Elapsed.TotalSeconds);
        }

        var eval = SplitScorer.Evaluate(ix, best, true);
        if (!eval.IsFeasible)
        {
            throw new InvalidOperationException("internal error: best plan breaks " + eval.Violations[0]);
        }

        long? b = bound is { } bb ? Math.Max(bb, eval.Score) : null;
        var statusOut = b == eval.Score ? PlanningStatus.Optimal : PlanningStatus.Feasible;
        var explanations = Explainer.Explain(ix, best);
        return new SplitResult(statusOut, eval.Score, b, ix.ToDictionary(best), eval.Breakdown, explanations, [],
            clock.Elapsed.TotalSeconds);
    }

    private bool IsOptimal()
    {
        lock (gate)
        {
            return bound is { } b && bestScore >= b;
        }
    }

    private void Offer(int[] a, long score, string source)
    {
        lock (gate)
        {
            if (score <= bestScore)
            {
                return;
            }

            bestScore = score;
            best = (int[])a.Clone();
            options.Progress?.Report(new SplitProgress(score, bound, clock.Elapsed, source));
        }
    }

    private void TightenBound(long b)
    {
        lock (gate)
        {
            bound = bound is { } old ? Math.Min(old, b) : b;
        }
    }

    private SplitResult Infeasible(IReadOnlyList<string> found)
    {
        var conflicts = new List<string>(found);
        var budget = Remaining > TimeSpan.Zero ? Remaining : TimeSpan.FromSeconds(1);
        conflicts.AddRange(Conflicts.ByRelaxation(ix, budget, workers, options.CancellationToken));
        if (conflicts.Count == 0)
        {
            conflicts.Add("the hard rules cannot all be met together");
        }

        return new SplitResult(PlanningStatus.Infeasible, null, null, new Dictionary<string, string>(), null,
            new Dictionary<string, string>(), conflicts, clock.Elapsed.TotalSeconds);
    }

    private sealed class Callback(Action onSolution) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback() => onSolution();
    }

    /// <summary>The whole model, hinted with the best plan, with the flow bound as an objective cut.</summary>
    private CpSolverStatus SolveFull(int[] hint, double share)
    {
        var all = Enumerable.Range(0, ix.N).ToArray();
        var cities = Enumerable.Range(0, ix.M).ToArray();
        // Measured on M: the lower-bounded penalty helpers ("plain") close the bound much faster than exact ones
        // (AddMaxEquality, reified iso), and an objective <= flow-bound cut slows the search down; the hint is
        // consistent either way (helpers are hinted with their exact values).
        var model = new SplitModel(ix, all, cities, plain: true);
        model.Hint(hint);
        using var solver = new CpSolver();
        double seconds = Math.Max(0.05, Remaining.TotalSeconds * share - 0.05);
        solver.StringParameters = Params(seconds, workers);
        var a = (int[])hint.Clone();
        Callback? cb = null;
        cb = new Callback(() =>
        {
            model.Decode(cb!.BooleanValue, a);
            var ev = SplitScorer.Evaluate(ix, a, false);
            if (ev.IsFeasible)
            {
                Offer(a, ev.Score, "cp-sat");
            }
        });
        using var reg = options.CancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model.Model, cb);
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            model.Decode(solver.BooleanValue, a);
            var ev = SplitScorer.Evaluate(ix, a, false);
            if (ev.IsFeasible)
            {
                Offer(a, ev.Score, "cp-sat");
            }

            if (status == CpSolverStatus.Optimal)
            {
                TightenBound(ev.Score);
            }
            else
            {
                TightenBound((long)Math.Floor(solver.BestObjectiveBound + 1e-6));
            }
        }
        cb.Dispose();
        return status;
    }

    internal static string Params(double seconds, int workers, int seed = 0) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds:0.###} num_workers:{workers} random_seed:{seed}");

    /// <summary>Large-neighbourhood search: repeatedly frees the groups of a few cities and re-solves them exactly
    /// with CP-SAT (hinted with the current plan); keeps the result when the whole plan's score improves.
    /// Workers run in parallel on disjoint sets of cities.</summary>

    private void Lns()
    {
        var state = new PlanState(ix, best!);
        var busy = new bool[ix.M];
        double avg = Math.Max(1.0, (double)ix.N / ix.M);
        var threads = new List<Thread>();
        for (int w = 0; w < workers; w++)
        {
            int wid = w;
            var t = new Thread(() => LnsWorker(state, busy, avg, wid)) { IsBackground = true, Name = $"lns{w}" };
            threads.Add(t);
            t.Start();
        }
        foreach (var t in threads)
        {
            t.Join();
        }
    }

    private void LnsWorker(PlanState state, bool[] busy, double avgSize, int wid)
    {
        var rng = new Random(options.Seed * 7919 + wid);
        int m = ix.M;
        double target = 90; // participants per sub-problem; adapted
        var related = new double[m];
        while (!Stopped && !IsOptimal())
        {
            int k = Math.Clamp((int)Math.Round(target / avgSize), 2, m);
            int[] cities;
            int[] parts;
            int[] snapshot;
            lock (gate)
            {
                var free = Enumerable.Range(0, m).Where(c => !busy[c]).ToList();
                if (free.Count < 2) { Monitor.Wait(gate, 50); continue; }
                var chosen = new List<int> { free[rng.Next(free.Count)] };
                bool byRelation = rng.Next(3) != 0;
                while (chosen.Count < Math.Min(k, free.Count))
                {
                    int pick = -1;
                    if (byRelation)
                    {
                        Array.Clear(related);
                        foreach (int c0 in chosen)
                        {
                            foreach (int p in state.Members(c0))
                            {
                                long here = ix.Theme[p * m + c0];
                                for (int c = 0; c < m; c++)
                                {
                                    long d = ix.Theme[p * m + c] - here;
                                    if (d > 0)
                                    {
                                        related[c] += d;
                                    }
                                }
                            }
                        }

                        double bestVal = -1;
                        foreach (int c in free)
                        {
                            if (chosen.Contains(c))
                            {
                                continue;
                            }

                            double v = related[c] * (0.5 + rng.NextDouble());
                            if (v > bestVal) { bestVal = v; pick = c; }
                        }
                    }
                    if (pick < 0 || related[pick] <= 0)
                    {
                        var rest = free.Where(c => !chosen.Contains(c)).ToList();
                        pick = rest[rng.Next(rest.Count)];
                    }
                    chosen.Add(pick);
                }
                cities = chosen.ToArray();
                foreach (int c in cities)
                {
                    busy[c] = true;
                }

                parts = cities.SelectMany(c => state.Members(c)).ToArray();
                snapshot = (int[])state.A.Clone();
            }

            double limit = Math.Min(Math.Max(0.2, 0.5 + target / 200.0), Remaining.TotalSeconds);
            bool solvedOptimally = false;
            int[]? proposal = null;
            if (limit > 0.02)
            {
                var model = new SplitModel(ix, parts, cities);
                model.Hint(snapshot);
                using var solver = new CpSolver();
                solver.StringParameters = Params(limit, 1, rng.Next(1000));
                using var reg = options.CancellationToken.Register(solver.StopSearch);
                var status = solver.Solve(model.Model, null);
                if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
                {
                    proposal = (int[])snapshot.Clone();
                    model.Decode(solver.BooleanValue, proposal);
                }
                solvedOptimally = status == CpSolverStatus.Optimal;
            }

            lock (gate)
            {
                if (proposal is not null)
                {
                    long before = state.Score;
                    foreach (int p in parts)
                    {
                        state.Move(p, proposal[p]);
                    }

                    if (state.Viol != 0 || state.Score < before)
                    {
                        foreach (int p in parts)
                        {
                            state.Move(p, snapshot[p]);
                        }
                    }
                    else if (state.Score > before)
                    {
                        Offer(state.A, state.Score, "lns");
                    }
                }
                foreach (int c in cities)
                {
                    busy[c] = false;
                }

                Monitor.PulseAll(gate);
            }
            target = solvedOptimally ? Math.Min(target * 1.1, 400) : Math.Max(target * 0.8, 2 * avgSize);
        }
    }
}
