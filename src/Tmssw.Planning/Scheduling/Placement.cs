namespace Tmssw.Planning.Scheduling;

/// <summary>What stops an offer from starting at a time, given the meetings already placed.</summary>
internal readonly record struct Blockers(bool DayFull, int Host, int Group, int Travel)
{
    public bool Free => !DayFull && Host < 0 && Group < 0 && Travel < 0;
}

/// <summary>A schedule under construction: start per offer (-1 = not placed) with quick rule checks.</summary>
internal sealed class Placement
{
    private readonly ScheduleContext ctx;
    private readonly List<int>[] byGroup;
    private readonly List<int>[] byHost;
    private readonly int[,] perDay;

    public int[] Start { get; }

    public Placement(ScheduleContext ctx)
    {
        this.ctx = ctx;
        var inst = ctx.Instance;
        Start = Enumerable.Repeat(-1, inst.Offers.Count).ToArray();
        byGroup = [.. inst.Groups.Select(_ => new List<int>())];
        byHost = [.. ctx.Hosts.Select(_ => new List<int>())];
        perDay = new int[inst.Groups.Count, inst.Days.Count];
    }

    public static Placement From(ScheduleContext ctx, int[] starts)
    {
        var p = new Placement(ctx);
        for (var o = 0; o < starts.Length; o++)
        {
            if (starts[o] >= 0)
            {
                p.Place(o, starts[o]);
            }
        }

        return p;
    }

    public void Place(int o, int t)
    {
        Start[o] = t;
        byGroup[ctx.OfferGroup[o]].Add(o);
        byHost[ctx.OfferHost[o]].Add(o);
        perDay[ctx.OfferGroup[o], t / ScheduleContext.DayMinutes]++;
    }

    public void Remove(int o)
    {
        var t = Start[o];
        if (t < 0)
        {
            return;
        }

        Start[o] = -1;
        byGroup[ctx.OfferGroup[o]].Remove(o);
        byHost[ctx.OfferHost[o]].Remove(o);
        perDay[ctx.OfferGroup[o], t / ScheduleContext.DayMinutes]--;
    }

    /// <summary>
    /// Checks offer <paramref name="o"/> at <paramref name="t"/> against placed meetings. Travel is kept
    /// between every two meetings of a group on one day (the CP-SAT model does the same).
    /// </summary>
    public Blockers Check(int o, int t)
    {
        var dur = ctx.Instance.Offers[o].Minutes;
        var end = t + dur;
        var g = ctx.OfferGroup[o];
        var dayFull = perDay[g, t / ScheduleContext.DayMinutes] >= ctx.MaxMeetings;
        int host = -1, group = -1, travel = -1;
        foreach (var q in byHost[ctx.OfferHost[o]])
        {
            if (q == o)
            {
                continue;
            }

            var qs = Start[q];
            if (t < qs + ctx.Instance.Offers[q].Minutes && qs < end)
            {
                host = q;
                break;
            }
        }
        foreach (var q in byGroup[g])
        {
            if (q == o)
            {
                continue;
            }

            var qs = Start[q];
            var qe = qs + ctx.Instance.Offers[q].Minutes;
            if (t < qe && qs < end)
            {
                if (group < 0)
                {
                    group = q;
                }

                continue;
            }
            if (qs / ScheduleContext.DayMinutes != t / ScheduleContext.DayMinutes)
            {
                continue;
            }

            var need = ctx.TravelBetween(o, q);
            if (travel < 0 && ((qe <= t && t - qe < need) || (end <= qs && qs - end < need)))
            {
                travel = q;
            }
        }
        return new Blockers(dayFull, host, group, travel);
    }

    public List<ScheduledMeeting> Meetings()
    {
        var list = new List<ScheduledMeeting>();
        for (var o = 0; o < Start.Length; o++)
        {
            if (Start[o] >= 0)
            {
                list.Add(ctx.Meeting(o, Start[o]));
            }
        }

        return [.. list.OrderBy(m => m.Start).ThenBy(m => m.Offer, StringComparer.Ordinal)];
    }
}
