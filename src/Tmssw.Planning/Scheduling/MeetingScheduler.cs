using System.Diagnostics;
using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Tmssw.Planning.Scheduling;

/// <summary>How the scheduler runs.</summary>
public sealed record ScheduleOptions
{
    /// <summary>Wall-clock limit for the CP-SAT search (default 10 s).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>CP-SAT search workers; 0 picks max(4, core count).</summary>
    public int Workers { get; init; }

    /// <summary>Called for each improving schedule found (on a solver thread).</summary>
    public Action<ScheduleProgress>? Progress { get; init; }

    /// <summary>Stops the search early; the best schedule so far is returned.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// For re-scheduling: where meetings were (offer id → start). Each meeting kept at its start saves
    /// <see cref="ChangeWeight"/>; a meeting moves (or is dropped) only when that pays more value.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? PreviousSchedule { get; init; }

    /// <summary>Value given up per moved or dropped meeting of <see cref="PreviousSchedule"/> (default 1).</summary>
    public int ChangeWeight { get; init; } = 1;
}

/// <summary>An improving schedule during the search: its score, the proven bound, seconds since start.</summary>
public sealed record ScheduleProgress(int Score, int Bound, double Seconds);

/// <summary>The CP-SAT meeting scheduler: maximizes Σ value of scheduled offers under every hard rule.</summary>
public static class MeetingScheduler
{
    public static ScheduleResult Solve(ScheduleInstance instance, ScheduleOptions? options = null)
    {
        options ??= new ScheduleOptions();
        var watch = Stopwatch.StartNew();
        var ctx = new ScheduleContext(instance);
        var cands = Candidates.Compute(ctx);
        var offers = instance.Offers;

        // A required offer with no possible start: nothing to search.
        var impossible = Enumerable.Range(0, offers.Count).Where(o => offers[o].Required && cands[o].Starts.Length == 0).ToList();
        if (impossible.Count > 0)
        {
            var reasons = impossible.ToDictionary(o => o, o => $"required, but {cands[o].NoneReason}");
            return Infeasible(ctx, reasons, watch);
        }

        var model = new SchedulingModel(ctx, cands, Enumerable.Range(0, offers.Count).ToArray(), requiredAsAssumptions: false);

        // Previous schedule: keep literals and hints.
        var keepTerms = new List<(ILiteral Keep, int Offer, int Start)>();
        var previousCount = 0; // meetings of the previous schedule that are still offers
        if (options.PreviousSchedule is { } previous)
        {
            foreach (var (offerId, start) in previous)
            {
                if (!ctx.OfferIndex.TryGetValue(offerId, out var o))
                {
                    continue;
                }

                previousCount++;
                var t = ctx.Index(ctx.ToLocal(start));
                if (t is null || Array.BinarySearch(cands[o].Starts, t.Value) < 0)
                {
                    continue; // cannot stay: always counts as moved
                }

                var keep = model.Model.NewBoolVar($"keep_{o}");
                model.Model.AddImplication(keep, model.Present[o]);
                model.Model.Add(model.Start[o] == t.Value).OnlyEnforceIf(keep);
                keepTerms.Add((keep, o, t.Value));
            }
            foreach (var (keep, o, t) in keepTerms)
            {
                model.Model.AddHint(model.Present[o], true);
                model.Model.AddHint(model.Start[o], t);
                model.Model.AddHint(keep, true);
            }
        }
        else
        {
            var greedy = GreedyScheduler.Place(ctx, cands);
            for (var o = 0; o < offers.Count; o++)
            {
                model.Model.AddHint(model.Present[o], greedy.Start[o] >= 0);
                if (greedy.Start[o] >= 0)
                {
                    model.Model.AddHint(model.Start[o], greedy.Start[o]);
                }
            }
        }
        var w = Math.Max(0, options.ChangeWeight);
        var objective = model.ValueExpr;
        if (keepTerms.Count > 0 && w > 0)
        {
            objective += w * LinearExpr.Sum(keepTerms.Select(k => (LinearExpr)(IntVar)k.Keep));
        }

        model.Model.Maximize(objective);

        var trivialBound = GreedyScheduler.UpperBound(ctx, cands);
        int Moves(Func<ILiteral, bool> value) => previousCount - keepTerms.Count(k => value(k.Keep));
        int ScoreBound(double objBound, int moves) =>
            Math.Min(trivialBound, (int)Math.Floor(objBound + 1e-6) - w * previousCount + w * moves);

        var solver = new CpSolver
        {
            StringParameters = Parameters(options.TimeLimit, options.Workers),
        };
        using var callback = new ProgressCallback(model, watch, options.Progress, (bound, value) =>
        {
            var moves = Moves(value);
            return ScoreBound(bound, w == 0 ? 0 : moves);
        });
        CpSolverStatus status;
        using (options.CancellationToken.Register(solver.StopSearch))
        {
            status = solver.Solve(model.Model, callback);
        }

        if (status == CpSolverStatus.Infeasible)
        {
            return Infeasible(ctx, ExplainInfeasible(ctx, cands, options), watch);
        }

        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("internal error: the scheduling model is invalid: " + model.Model.Validate());
        }

        Placement placement;
        int bound;
        PlanningStatus planning;
        var moved = 0;
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            var starts = new int[offers.Count];
            for (var o = 0; o < offers.Count; o++)
            {
                starts[o] = solver.BooleanValue(model.Present[o]) ? (int)solver.Value(model.Start[o]) : -1;
            }

            placement = Placement.From(ctx, starts);
            moved = options.PreviousSchedule is null ? 0 : Moves(solver.BooleanValue);
            bound = ScoreBound(solver.BestObjectiveBound, w == 0 ? 0 : moved);
            planning = status == CpSolverStatus.Optimal ? PlanningStatus.Optimal : PlanningStatus.Feasible;
        }
        else
        {
            // No schedule in time: fall back on the greedy one when it keeps every rule.
            placement = GreedyScheduler.Place(ctx, cands);
            bound = trivialBound;
            var missing = offers.Where((offer, o) => offer.Required && placement.Start[o] < 0).Any();
            planning = missing ? PlanningStatus.Unknown : PlanningStatus.Feasible;
        }
        var meetings = placement.Meetings();
        var report = ScheduleScorer.Evaluate(ctx, meetings);
        bound = Math.Max(bound, report.Score);
        if (report.Score == bound && planning == PlanningStatus.Feasible && (options.PreviousSchedule is null || w == 0))
        {
            planning = PlanningStatus.Optimal;
        }

        if (planning == PlanningStatus.Optimal && report.Score != bound)
        {
            planning = PlanningStatus.Feasible;
        }

        if (!report.IsValid)
        {
            planning = PlanningStatus.Unknown; // never expected: the re-check disagrees with the model
        }

        var timeLimited = planning != PlanningStatus.Optimal;
        var unscheduled = UnscheduledReasons.Explain(ctx, cands, placement, timeLimited);
        return new ScheduleResult(planning, report.Score, bound, meetings, unscheduled, watch.Elapsed.TotalSeconds)
        {
            Moved = moved,
            Violations = report.Violations,
        };
    }

    private static string Parameters(TimeSpan limit, int workers)
    {
        var n = workers > 0 ? workers : Math.Max(4, Environment.ProcessorCount);
        var seconds = Math.Max(0.05, limit.TotalSeconds).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return $"max_time_in_seconds:{seconds} num_workers:{n} log_search_progress:false";
    }

    private static ScheduleResult Infeasible(ScheduleContext ctx, Dictionary<int, string> reasons, Stopwatch watch)
    {
        var offers = ctx.Instance.Offers;
        var names = string.Join(", ", reasons.Keys.Select(o => offers[o].Id));
        var unscheduled = new List<UnscheduledOffer>();
        for (var o = 0; o < offers.Count; o++)
        {
            unscheduled.Add(new UnscheduledOffer(offers[o].Id,
                reasons.TryGetValue(o, out var r) ? r : $"not planned: required offer(s) {names} cannot be scheduled"));
        }

        return new ScheduleResult(PlanningStatus.Infeasible, 0, 0, [], unscheduled, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Finds required offers that cannot all be scheduled, with a reason for each.</summary>
    private static Dictionary<int, string> ExplainInfeasible(ScheduleContext ctx, OfferCandidates[] cands, ScheduleOptions options)
    {
        var offers = ctx.Instance.Offers;
        var required = Enumerable.Range(0, offers.Count).Where(o => offers[o].Required).ToArray();
        var core = required.ToList();
        try
        {
            var model = new SchedulingModel(ctx, cands, required, requiredAsAssumptions: true);
            var solver = new CpSolver { StringParameters = Parameters(TimeSpan.FromSeconds(Math.Min(5, options.TimeLimit.TotalSeconds)), 1) };
            if (solver.Solve(model.Model) == CpSolverStatus.Infeasible)
            {
                var indexes = solver.SufficientAssumptionsForInfeasibility().ToHashSet();
                var found = required.Where(o => indexes.Contains(model.Present[o].GetIndex())).ToList();
                if (found.Count > 0)
                {
                    core = found;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Keep all required offers as the explanation.
        }
        var reasons = new Dictionary<int, string>();
        foreach (var o in core)
        {
            var others = core.Where(q => q != o).ToList();
            string why;
            if (others.Count == 0)
            {
                why = "required, but it cannot be scheduled together with the group's fixed items and rules";
            }
            else
            {
                var shareHost = others.Where(q => ctx.OfferHost[q] == ctx.OfferHost[o]).Select(q => offers[q].Id).ToList();
                var shareGroup = others.Where(q => ctx.OfferGroup[q] == ctx.OfferGroup[o]).Select(q => offers[q].Id).ToList();
                var parts = new List<string>();
                if (shareGroup.Count > 0)
                {
                    parts.Add($"the group cannot fit it together with {string.Join(", ", shareGroup)} (times, travel or {ctx.MaxMeetings} meetings a day)");
                }

                if (shareHost.Count > 0)
                {
                    parts.Add($"its host also has {string.Join(", ", shareHost)} at the same times");
                }

                if (parts.Count == 0)
                {
                    parts.Add($"it cannot be scheduled together with {string.Join(", ", others.Select(q => offers[q].Id))}");
                }

                why = $"required, but {string.Join("; ", parts)}";
            }
            reasons[o] = why;
        }
        return reasons;
    }

    private sealed class ProgressCallback(SchedulingModel model, Stopwatch watch, Action<ScheduleProgress>? progress,
        Func<double, Func<ILiteral, bool>, int> bound) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            if (progress is null)
            {
                return;
            }

            var score = 0;
            for (var i = 0; i < model.Present.Length; i++)
            {
                if (model.Present[i] is { } p && BooleanValue(p))
                {
                    score += model.Values[i];
                }
            }

            progress(new ScheduleProgress(score, Math.Max(score, bound(BestObjectiveBound(), BooleanValue)), watch.Elapsed.TotalSeconds));
        }
    }
}
