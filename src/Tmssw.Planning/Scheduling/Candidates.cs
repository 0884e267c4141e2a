namespace Tmssw.Planning.Scheduling;

/// <summary>Every start an offer may take on its own (windows, day hours, grid, lunch, busy), or why none.</summary>
internal sealed record OfferCandidates(int[] Starts, string? NoneReason);

internal static class Candidates
{
    public static OfferCandidates[] Compute(ScheduleContext ctx)
    {
        var result = new OfferCandidates[ctx.Instance.Offers.Count];
        for (var o = 0; o < result.Length; o++)
        {
            result[o] = ForOffer(ctx, o);
        }

        return result;
    }

    private static OfferCandidates ForOffer(ScheduleContext ctx, int o)
    {
        var inst = ctx.Instance;
        var offer = inst.Offers[o];
        var dur = offer.Minutes;
        var windows = offer.Windows.SelectMany(ctx.Clip).ToList();
        var busy = ctx.Busy[ctx.OfferGroup[o]];
        var starts = new List<int>();
        int inHours = 0, afterLunch = 0;
        var blockingBusy = new List<LocalSpan>();
        var firstGrid = (ctx.DayStart + ScheduleContext.Grid - 1) / ScheduleContext.Grid * ScheduleContext.Grid;
        for (var d = 0; d < inst.Days.Count; d++)
        {
            for (var m = firstGrid; m + dur <= ctx.DayEnd; m += ScheduleContext.Grid)
            {
                var t = d * ScheduleContext.DayMinutes + m;
                if (!windows.Any(w => w.Start <= t && t + dur <= w.End))
                {
                    continue;
                }

                inHours++;
                if (ctx.OverlapsLunch(t, t + dur))
                {
                    continue;
                }

                afterLunch++;
                var blocked = false;
                foreach (var b in busy)
                {
                    if (t < b.End && b.Start < t + dur)
                    {
                        blocked = true;
                        if (!blockingBusy.Contains(b.Span))
                        {
                            blockingBusy.Add(b.Span);
                        }
                    }
                }
                if (!blocked)
                {
                    starts.Add(t);
                }
            }
        }
        if (starts.Count > 0)
        {
            return new OfferCandidates([.. starts], null);
        }

        var only = offer.Windows.Count == 1;
        string reason;
        if (offer.Windows.All(w => (w.End - w.Start).TotalMinutes < dur))
        {
            reason = only
                ? $"its only window is shorter than the meeting ({dur} minutes)"
                : $"all its windows are shorter than the meeting ({dur} minutes)";
        }
        else if (windows.Count == 0)
        {
            reason = $"none of its windows falls on the program's days ({inst.Days[0]:yyyy-MM-dd} to {inst.Days[^1]:yyyy-MM-dd})";
        }
        else if (inHours == 0)
        {
            reason = $"no window left inside the day's hours ({ScheduleContext.Clock(ctx.DayStart)}–{ScheduleContext.Clock(ctx.DayEnd)}) that fits {dur} minutes";
        }
        else if (afterLunch == 0)
        {
            reason = only
                ? $"its only window overlaps lunch ({ScheduleContext.Clock(ctx.LunchStart)}–{ScheduleContext.Clock(ctx.LunchEnd)})"
                : $"every window it offers overlaps lunch ({ScheduleContext.Clock(ctx.LunchStart)}–{ScheduleContext.Clock(ctx.LunchEnd)})";
        }
        else
        {
            var items = string.Join(", ", blockingBusy.Select(ScheduleContext.Span));
            var what = blockingBusy.Count == 1 ? "fixed item" : "fixed items";
            reason = only
                ? $"its only window overlaps the group's {what} ({items})"
                : $"every window it offers overlaps the group's {what} ({items})";
        }
        return new OfferCandidates([], reason);
    }
}
