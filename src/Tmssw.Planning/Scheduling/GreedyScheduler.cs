using System.Diagnostics;

namespace Tmssw.Planning.Scheduling;

/// <summary>
/// The baseline: offers in order of required first, then value (high first), then fewest possible
/// starts; each takes its earliest start that keeps every hard rule. Fast, never proven optimal.
/// </summary>
public static class GreedyScheduler
{
    public static ScheduleResult Solve(ScheduleInstance instance)
    {
        var watch = Stopwatch.StartNew();
        var ctx = new ScheduleContext(instance);
        var cands = Candidates.Compute(ctx);
        var placement = Place(ctx, cands);
        var report = ScheduleScorer.Evaluate(ctx, placement.Meetings());
        var bound = UpperBound(ctx, cands);
        var missingRequired = instance.Offers.Where((offer, o) => offer.Required && placement.Start[o] < 0).Any();
        var status = missingRequired ? PlanningStatus.Infeasible
            : report.Score == bound ? PlanningStatus.Optimal : PlanningStatus.Feasible;
        var unscheduled = UnscheduledReasons.Explain(ctx, cands, placement, timeLimited: false);
        return new ScheduleResult(status, report.Score, bound, placement.Meetings(), unscheduled, watch.Elapsed.TotalSeconds);
    }

    internal static Placement Place(ScheduleContext ctx, OfferCandidates[] cands)
    {
        var inst = ctx.Instance;
        var order = Enumerable.Range(0, inst.Offers.Count)
            .OrderByDescending(o => inst.Offers[o].Required)
            .ThenByDescending(o => inst.Offers[o].Value)
            .ThenBy(o => cands[o].Starts.Length)
            .ThenBy(o => o);
        var placement = new Placement(ctx);
        foreach (var o in order)
        {
            foreach (var t in cands[o].Starts)
            {
                if (placement.Check(o, t).Free)
                {
                    placement.Place(o, t);
                    break;
                }
            }
        }
        return placement;
    }

    /// <summary>A simple valid bound: Σ value of the offers that have any start, capped per group by the day limit.</summary>
    internal static int UpperBound(ScheduleContext ctx, OfferCandidates[] cands)
    {
        var inst = ctx.Instance;
        var bound = 0;
        for (var g = 0; g < inst.Groups.Count; g++)
        {
            var values = Enumerable.Range(0, inst.Offers.Count)
                .Where(o => ctx.OfferGroup[o] == g && cands[o].Starts.Length > 0)
                .Select(o => inst.Offers[o].Value)
                .OrderDescending()
                .Take(ctx.MaxMeetings * inst.Days.Count);
            bound += values.Sum();
        }
        return bound;
    }
}
