using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Tmssw.Planning.Scheduling;

/// <summary>
/// The CP-SAT model. Time is the minute index (day × 1440 + local minute of day); each offer has a
/// presence literal and a start whose domain is exactly the starts that keep the offer's windows,
/// the day's hours, the 15-minute grid, lunch and the group's busy items (those fixed intervals are
/// removed from the domain rather than added as intervals). Then: an optional interval per offer,
/// NoOverlap per group and per host, travel between any two meetings of a group at different venues
/// on one day by precedence literals, at most maxMeetings per group per day, required offers present.
/// </summary>
internal sealed class SchedulingModel
{
    public CpModel Model { get; } = new();
    public BoolVar[] Present { get; }
    public IntVar[] Start { get; }
    public int[] Values { get; }
    public LinearExpr ValueExpr { get; }

    public SchedulingModel(ScheduleContext ctx, OfferCandidates[] cands, int[] include, bool requiredAsAssumptions)
    {
        var inst = ctx.Instance;
        var n = inst.Offers.Count;
        Present = new BoolVar[n];
        Start = new IntVar[n];
        Values = [.. inst.Offers.Select(o => o.Value)];
        var intervals = new IntervalVar[n];
        var dayLits = new Dictionary<(int Offer, int Day), ILiteral>();
        var days = new HashSet<int>[n];

        foreach (var o in include)
        {
            var offer = inst.Offers[o];
            var starts = cands[o].Starts;
            Present[o] = Model.NewBoolVar($"p_{offer.Id}");
            if (starts.Length == 0)
            {
                Model.Add(Present[o] == 0);
                Start[o] = Model.NewConstant(0);
                days[o] = [];
                continue;
            }
            Start[o] = Model.NewIntVarFromDomain(Domain.FromValues([.. starts.Select(t => (long)t)]), $"s_{offer.Id}");
            intervals[o] = Model.NewOptionalFixedSizeIntervalVar(Start[o], offer.Minutes, Present[o], $"i_{offer.Id}");
            if (offer.Required)
            {
                if (requiredAsAssumptions)
                {
                    Model.AddAssumption(Present[o]);
                }
                else
                {
                    Model.Add(Present[o] == 1);
                }
            }
            var byDay = starts.GroupBy(t => t / ScheduleContext.DayMinutes).ToList();
            days[o] = [.. byDay.Select(d => d.Key)];
            if (byDay.Count == 1)
            {
                dayLits[(o, byDay[0].Key)] = Present[o];
            }
            else
            {
                var lits = new List<ILiteral>();
                foreach (var day in byDay)
                {
                    var x = Model.NewBoolVar($"x_{offer.Id}_{day.Key}");
                    var dom = Domain.FromValues([.. day.Select(t => (long)t)]);
                    Model.AddLinearExpressionInDomain(Start[o], dom).OnlyEnforceIf(x);
                    dayLits[(o, day.Key)] = x;
                    lits.Add(x);
                }
                // Exactly one day when present, none when absent.
                lits.Add(Present[o].Not());
                Model.AddExactlyOne(lits);
            }
        }

        var active = include.Where(o => intervals[o] is not null).ToList();
        foreach (var group in active.GroupBy(o => ctx.OfferGroup[o]))
        {
            var list = group.ToList();
            Model.AddNoOverlap(list.Select(o => intervals[o]));
            for (var d = 0; d < inst.Days.Count; d++)
            {
                var lits = list.Where(o => dayLits.ContainsKey((o, d))).Select(o => dayLits[(o, d)]).ToList();
                if (lits.Count > ctx.MaxMeetings)
                {
                    Model.Add(LinearExpr.Sum(lits.Select(l => (LinearExpr)(IntVar)l)) <= ctx.MaxMeetings);
                }
            }
            // Travel: two meetings of the group on one day at different venues keep the travel time between them.
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var travel = ctx.TravelBetween(a, b);
                    if (travel == 0 || !days[a].Overlaps(days[b]))
                    {
                        continue;
                    }

                    var da = inst.Offers[a].Minutes;
                    var db = inst.Offers[b].Minutes;
                    // Skip pairs that can never come within travel distance of each other.
                    if (!Near(cands[a].Starts, da, cands[b].Starts, db, travel))
                    {
                        continue;
                    }

                    var ab = Model.NewBoolVar($"before_{a}_{b}");
                    var ba = Model.NewBoolVar($"before_{b}_{a}");
                    Model.Add(Start[b] >= Start[a] + da + travel).OnlyEnforceIf(ab);
                    Model.Add(Start[a] >= Start[b] + db + travel).OnlyEnforceIf(ba);
                    Model.AddBoolOr([Present[a].Not(), Present[b].Not(), ab, ba]);
                }
            }
        }
        foreach (var host in active.GroupBy(o => ctx.OfferHost[o]))
        {
            if (host.Count() > 1)
            {
                Model.AddNoOverlap(host.Select(o => intervals[o]));
            }
        }

        ValueExpr = LinearExpr.WeightedSum(include.Select(o => (IntVar)Present[o]), include.Select(o => (long)Values[o]));
    }

    /// <summary>Whether some start of a and some start of b come closer than travel (either order).</summary>
    private static bool Near(int[] a, int da, int[] b, int db, int travel)
    {
        // a before b too close: b.start - (a.start + da) < travel and b.start + db > a.start (or overlap).
        var minA = a[0];
        var maxA = a[^1];
        var minB = b[0];
        var maxB = b[^1];
        return minB < maxA + da + travel && minA < maxB + db + travel;
    }
}
