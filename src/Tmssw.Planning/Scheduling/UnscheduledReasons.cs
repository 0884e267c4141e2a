namespace Tmssw.Planning.Scheduling;

/// <summary>
/// Explains each offer a schedule leaves out by trying every start the offer has against the
/// schedule: what blocks each one (a full day, the host, another meeting of the group, travel).
/// </summary>
internal static class UnscheduledReasons
{
    public static List<UnscheduledOffer> Explain(ScheduleContext ctx, OfferCandidates[] cands, Placement placement, bool timeLimited)
    {
        var list = new List<UnscheduledOffer>();
        for (var o = 0; o < cands.Length; o++)
        {
            if (placement.Start[o] < 0)
            {
                list.Add(new UnscheduledOffer(ctx.Instance.Offers[o].Id, Reason(ctx, cands[o], placement, o, timeLimited)));
            }
        }

        return list;
    }

    public static string Reason(ScheduleContext ctx, OfferCandidates cand, Placement placement, int o, bool timeLimited)
    {
        if (cand.NoneReason is not null)
        {
            return cand.NoneReason;
        }

        var inst = ctx.Instance;
        var offer = inst.Offers[o];
        var blockers = cand.Starts.Select(t => (T: t, B: placement.Check(o, t))).ToList();
        var free = blockers.FirstOrDefault(b => b.B.Free);
        if (blockers.Any(b => b.B.Free))
        {
            if (offer.Value <= 0)
            {
                return "it adds no value (value 0), so the week was kept lighter";
            }

            return timeLimited
                ? $"the solver stopped at its time limit before placing it ({ctx.When(free.T)} is still free)"
                : $"left out to keep the rest of the week ({ctx.When(free.T)} is still free)";
        }

        var n = blockers.Count;
        var slot = n == 1 ? "the only slot" : "every slot it offers";
        if (blockers.All(b => b.B.DayFull))
        {
            var days = blockers.Select(b => b.T / ScheduleContext.DayMinutes).Distinct().ToList();
            var full = $"({ctx.MaxMeetings} meeting{(ctx.MaxMeetings == 1 ? "" : "s")} a day)";
            return days.Count == 1
                ? $"the group's day is full on {ctx.DayName(days[0])} {full}"
                : $"the group's days are full {full}";
        }
        if (blockers.All(b => b.B.Host >= 0))
        {
            var qs = blockers.Select(b => b.B.Host).Distinct().ToList();
            var groups = qs.Select(q => inst.Offers[q].Group).Distinct(StringComparer.Ordinal).ToList();
            if (groups.Count == 1 && groups[0] == offer.Group)
            {
                return $"the host already meets this group at {slot} ({Ids(qs)})";
            }

            var others = groups.Where(g => g != offer.Group).ToList();
            return $"the host is busy with group {string.Join(" and ", others)} at every time it offers";
        }
        if (blockers.All(b => b.B.Travel >= 0))
        {
            var (t, b) = blockers.First(x => x.B.Travel >= 0);
            var q = b.Travel;
            var minutes = ctx.TravelBetween(o, q);
            var venue = inst.Venues[ctx.OfferVenue[q]].Name;
            return placement.Start[q] < t
                ? $"travel from the previous meeting is too long ({q.Describe(inst)} at {venue} is {minutes} minutes away)"
                : $"travel to the next meeting is too long ({q.Describe(inst)} at {venue} is {minutes} minutes away)";
        }

        if (blockers.All(b => b.B.Group >= 0))
        {
            var qs = blockers.Select(b => b.B.Group).Distinct().ToList();
            if (qs.All(q => inst.Offers[q].Value > offer.Value))
            {
                return qs.Count == 1
                    ? $"a higher-value meeting ({Describe(qs[0])}) took {slot}"
                    : $"higher-value meetings ({Ids(qs)}) took {slot}";
            }

            if (qs.All(q => inst.Offers[q].Value >= offer.Value))
            {
                return qs.Count == 1
                    ? $"a meeting of equal or higher value ({Describe(qs[0])}) took {slot}"
                    : $"meetings of equal or higher value ({Ids(qs)}) took {slot}";
            }

            return $"the group's other meetings ({Ids(qs)}) fill {slot}; together they are worth more than this one";
        }
        // Mixed: say what blocks each time, day by day.
        var parts = new List<string>();
        foreach (var (t, b) in blockers)
        {
            var day = ctx.DayName(t / ScheduleContext.DayMinutes);
            string part = b.DayFull ? $"the group's day is full on {day}"
                : b.Host >= 0 ? $"the host is busy with group {inst.Offers[b.Host].Group} on {day}"
                : b.Travel >= 0 ? $"travel to or from {inst.Offers[b.Travel].Id} is too long on {day}"
                : $"the group meets {Describe(b.Group)} on {day}";
            if (!parts.Contains(part))
            {
                parts.Add(part);
            }
        }
        var shown = parts.Take(4).ToList();
        var more = parts.Count > shown.Count ? $"; and {parts.Count - shown.Count} more" : "";
        return $"no time it offers is free: {string.Join("; ", shown)}{more}";

        string Ids(IEnumerable<int> qs) => string.Join(", ", qs.Select(q => inst.Offers[q].Id));
        string Describe(int q) => q.Describe(inst);
    }

    private static string Describe(this int q, ScheduleInstance inst) =>
        $"{inst.Offers[q].Id}, value {inst.Offers[q].Value}";
}
