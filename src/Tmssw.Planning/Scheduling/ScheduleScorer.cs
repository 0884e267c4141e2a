namespace Tmssw.Planning.Scheduling;

/// <summary>Which hard rule a meeting breaks.</summary>
public enum ViolationKind
{
    UnknownOffer,
    DuplicateOffer,
    WrongLength,
    NotAProgramDay,
    OffGrid,
    OutsideDay,
    OutsideWindow,
    Lunch,
    Busy,
    GroupOverlap,
    Travel,
    HostOverlap,
    TooManyMeetings,
    RequiredMissing,
}

/// <summary>A broken hard rule: the offers involved and what is wrong, in words.</summary>
public sealed record ScheduleViolation(ViolationKind Kind, IReadOnlyList<string> Offers, string Message);

/// <summary>The value of a schedule and every hard rule it breaks (none for a valid schedule).</summary>
public sealed record ScoreReport(int Score, IReadOnlyList<ScheduleViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>Pure scoring of any schedule, e.g. one a person changed by hand.</summary>
public static class ScheduleScorer
{
    /// <summary>
    /// Score (Σ value of the scheduled offers, each counted once) and the hard-rule violations of
    /// <paramref name="meetings"/>. Times may carry any offset; they are read in the instance's zone.
    /// </summary>
    public static ScoreReport Evaluate(ScheduleInstance instance, IReadOnlyList<ScheduledMeeting> meetings) =>
        Evaluate(new ScheduleContext(instance), meetings);

    internal static ScoreReport Evaluate(ScheduleContext ctx, IReadOnlyList<ScheduledMeeting> meetings)
    {
        var inst = ctx.Instance;
        var violations = new List<ScheduleViolation>();
        void Add(ViolationKind kind, string message, params string[] offers) =>
            violations.Add(new ScheduleViolation(kind, offers, message));

        var placed = new List<(int Offer, DateTime Start, DateTime End)>();
        var seen = new HashSet<int>();
        var score = 0;
        foreach (var m in meetings)
        {
            if (!ctx.OfferIndex.TryGetValue(m.Offer, out var o))
            {
                Add(ViolationKind.UnknownOffer, $"{m.Offer} is not an offer of this instance", m.Offer);
                continue;
            }
            if (!seen.Add(o))
            {
                Add(ViolationKind.DuplicateOffer, $"{m.Offer} is scheduled more than once", m.Offer);
                continue;
            }
            var offer = inst.Offers[o];
            score += offer.Value;
            var start = ctx.ToLocal(m.Start);
            var end = ctx.ToLocal(m.End);
            placed.Add((o, start, end));

            if ((end - start).TotalMinutes != offer.Minutes)
            {
                Add(ViolationKind.WrongLength, $"{offer.Id} lasts {(end - start).TotalMinutes:0} minutes, but the offer is for {offer.Minutes}", offer.Id);
            }

            if (!ctx.DayIndex.ContainsKey(DateOnly.FromDateTime(start)))
            {
                Add(ViolationKind.NotAProgramDay, $"{offer.Id} is on {start:yyyy-MM-dd}, which is not a program day", offer.Id);
            }

            if (start.Minute % ScheduleContext.Grid != 0 || start.Second != 0)
            {
                Add(ViolationKind.OffGrid, $"{offer.Id} starts at {start:HH:mm}, off the 15-minute grid", offer.Id);
            }

            var dayStart = start.Date.AddMinutes(ctx.DayStart);
            var dayEnd = start.Date.AddMinutes(ctx.DayEnd);
            if (start < dayStart || end > dayEnd)
            {
                Add(ViolationKind.OutsideDay, $"{offer.Id} ({start:HH:mm}–{end:HH:mm}) is outside the day's hours ({ScheduleContext.Clock(ctx.DayStart)}–{ScheduleContext.Clock(ctx.DayEnd)})", offer.Id);
            }

            if (!offer.Windows.Any(w => w.Start <= start && end <= w.End))
            {
                Add(ViolationKind.OutsideWindow, $"{offer.Id} ({start:yyyy-MM-dd HH:mm}–{end:HH:mm}) is outside the times its host offered", offer.Id);
            }

            if (ctx.LunchStart >= 0)
            {
                var ls = start.Date.AddMinutes(ctx.LunchStart);
                var le = start.Date.AddMinutes(ctx.LunchEnd);
                if (start < le && ls < end)
                {
                    Add(ViolationKind.Lunch, $"{offer.Id} ({start:HH:mm}–{end:HH:mm}) overlaps lunch ({ScheduleContext.Clock(ctx.LunchStart)}–{ScheduleContext.Clock(ctx.LunchEnd)})", offer.Id);
                }
            }
            foreach (var busy in inst.Groups[ctx.OfferGroup[o]].Busy)
            {
                if (start < busy.End && busy.Start < end)
                {
                    Add(ViolationKind.Busy, $"{offer.Id} overlaps the group's fixed item {ScheduleContext.Span(busy)}", offer.Id);
                }
            }
        }

        // Group: no overlap; travel between consecutive meetings.
        foreach (var byGroup in placed.GroupBy(p => ctx.OfferGroup[p.Offer]))
        {
            var list = byGroup.OrderBy(p => p.Start).ThenBy(p => p.End).ToList();
            var groupId = inst.Groups[byGroup.Key].Id;
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                {
                    Add(ViolationKind.GroupOverlap, $"group {groupId} has {Id(list[i].Offer)} and {Id(list[j].Offer)} at the same time", Id(list[i].Offer), Id(list[j].Offer));
                }
            }

            for (var i = 0; i + 1 < list.Count; i++)
            {
                var (a, b) = (list[i], list[i + 1]);
                if (b.Start < a.End || a.Start.Date != b.Start.Date)
                {
                    continue;
                }

                var need = ctx.TravelBetween(a.Offer, b.Offer);
                var gap = (b.Start - a.End).TotalMinutes;
                if (gap < need)
                {
                    Add(ViolationKind.Travel, $"group {groupId} has {gap:0} minutes between {Id(a.Offer)} at {VenueName(a.Offer)} and {Id(b.Offer)} at {VenueName(b.Offer)}, but travel takes {need}", Id(a.Offer), Id(b.Offer));
                }
            }
            foreach (var day in list.GroupBy(p => p.Start.Date))
            {
                var count = day.Count();
                if (count > ctx.MaxMeetings)
                {
                    Add(ViolationKind.TooManyMeetings, $"group {groupId} has {count} meetings on {day.Key:yyyy-MM-dd}; at most {ctx.MaxMeetings} a day", [.. day.Select(p => Id(p.Offer))]);
                }
            }
        }

        // Host: no overlap.
        foreach (var byHost in placed.GroupBy(p => ctx.OfferHost[p.Offer]))
        {
            var list = byHost.OrderBy(p => p.Start).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Start < list[i].End; j++)
                {
                    Add(ViolationKind.HostOverlap, $"host {ctx.Hosts[byHost.Key]} has {Id(list[i].Offer)} and {Id(list[j].Offer)} at the same time", Id(list[i].Offer), Id(list[j].Offer));
                }
            }
        }

        for (var o = 0; o < inst.Offers.Count; o++)
        {
            if (inst.Offers[o].Required && !seen.Contains(o))
            {
                Add(ViolationKind.RequiredMissing, $"required offer {inst.Offers[o].Id} is not scheduled", inst.Offers[o].Id);
            }
        }

        return new ScoreReport(score, violations);

        string Id(int o) => inst.Offers[o].Id;
        string VenueName(int o) => inst.Venues[ctx.OfferVenue[o]].Name;
    }
}
