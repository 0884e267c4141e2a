using Tmssw.Planning.Scheduling;
using static Tmssw.Planning.Tests.Scheduling.Build;

namespace Tmssw.Planning.Tests.Scheduling;

/// <summary>Each hard rule on its own: the solver keeps it, the scorer flags it, the reason names it.</summary>
public class RuleTests
{
    private static ScheduleResult Solve(ScheduleInstance inst)
    {
        var r = MeetingScheduler.Solve(inst, Fast);
        Assert.True(ScheduleScorer.Evaluate(inst, r.Meetings).IsValid);
        return r;
    }

    private static string Reason(ScheduleResult r, string offer) => r.Unscheduled.Single(u => u.Offer == offer).Reason;

    private static ScheduledMeeting At(ScheduleInstance inst, string offer, string localStart)
    {
        var o = inst.Offers.Single(x => x.Id == offer);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(inst.TimeZone);
        var s = L(localStart);
        return new ScheduledMeeting(offer, new DateTimeOffset(s, zone.GetUtcOffset(s)), new DateTimeOffset(s.AddMinutes(o.Minutes), zone.GetUtcOffset(s)));
    }

    private static void Flags(ScheduleInstance inst, ViolationKind kind, params ScheduledMeeting[] meetings) =>
        Assert.Contains(ScheduleScorer.Evaluate(inst, meetings).Violations, v => v.Kind == kind);

    [Fact]
    public void Meeting_stays_inside_its_window()
    {
        var inst = Instance([Offer("m1", "h1", "g1", "v1", 60, 5, false, ("2024-05-06T10:00", "2024-05-06T11:00"))]);
        var r = Solve(inst);
        Assert.Equal("2024-05-06T10:00", LocalStart(r, "m1"));
        Flags(inst, ViolationKind.OutsideWindow, At(inst, "m1", "2024-05-06T10:15"));
    }

    [Fact]
    public void Meeting_stays_inside_the_days_hours()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 90, 5, false, ("2024-05-06T16:00", "2024-05-06T19:00")),
            Offer("m2", "h2", "g1", "v1", 60, 5, false, ("2024-05-06T17:00", "2024-05-06T20:00")),
        ]);
        var r = Solve(inst);
        Assert.Equal("2024-05-06T16:00", LocalStart(r, "m1"));
        Assert.Contains("no window left inside the day's hours", Reason(r, "m2"));
        Flags(inst, ViolationKind.OutsideDay, At(inst, "m2", "2024-05-06T17:00"));
    }

    [Fact]
    public void Lunch_is_kept_free()
    {
        var inst = Instance([Offer("m1", "h1", "g1", "v1", 60, 5, false, ("2024-05-06T11:30", "2024-05-06T13:30"))]);
        var r = Solve(inst);
        Assert.Empty(r.Meetings);
        Assert.Equal("its only window overlaps lunch (12:00–13:00)", Reason(r, "m1"));
        Flags(inst, ViolationKind.Lunch, At(inst, "m1", "2024-05-06T11:30"));
    }

    [Fact]
    public void Busy_items_of_the_group_are_kept_free()
    {
        var groups = new[] { new VisitingGroup("g1", [Span("2024-05-06T09:00", "2024-05-06T11:00")]), new VisitingGroup("g2", []) };
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 5, false, ("2024-05-06T09:00", "2024-05-06T11:30")),
            Offer("m2", "h2", "g2", "v1", 60, 5, false, ("2024-05-06T09:00", "2024-05-06T10:00")),
        ], groups: groups);
        var r = Solve(inst);
        Assert.Contains("its only window overlaps the group's fixed item", Reason(r, "m1"));
        Assert.Contains("Mon 6 May 09:00–11:00", Reason(r, "m1"));
        Assert.Equal("2024-05-06T09:00", LocalStart(r, "m2")); // g2 is not busy
        Flags(inst, ViolationKind.Busy, At(inst, "m1", "2024-05-06T10:00"));
    }

    [Fact]
    public void Group_meetings_do_not_overlap_and_the_higher_value_one_wins()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 3, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
            Offer("m2", "h2", "g1", "v1", 60, 8, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
        ]);
        var r = Solve(inst);
        Assert.Equal(8, r.Score);
        Assert.Equal("a higher-value meeting (m2, value 8) took the only slot", Reason(r, "m1"));
        Flags(inst, ViolationKind.GroupOverlap, At(inst, "m1", "2024-05-06T10:00"), At(inst, "m2", "2024-05-06T10:00"));
    }

    [Fact]
    public void Travel_time_is_kept_between_venues()
    {
        // v1 → v3 is 12.69 km: 2 min/km → 26 minutes. Back-to-back windows leave 15 minutes.
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 8, false, ("2024-05-06T09:00", "2024-05-06T10:00")),
            Offer("m2", "h2", "g1", "v3", 60, 3, false, ("2024-05-06T10:15", "2024-05-06T11:15")),
            Offer("m3", "h3", "g1", "v2", 60, 3, false, ("2024-05-06T10:15", "2024-05-06T11:15")),
        ]);
        var r = Solve(inst);
        Assert.Equal(11, r.Score); // m1 + m3: v1 → v2 takes the 15-minute minimum
        Assert.StartsWith("travel from the previous meeting is too long (m1", Reason(r, "m2"));
        Flags(inst, ViolationKind.Travel, At(inst, "m1", "2024-05-06T09:00"), At(inst, "m2", "2024-05-06T10:15"));
    }

    [Fact]
    public void Travel_override_replaces_the_formula_both_ways()
    {
        var travel = new TravelRules(2, 15, [new TravelOverride("v2", "v1", 45)]);
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 8, false, ("2024-05-06T09:00", "2024-05-06T10:00")),
            Offer("m2", "h2", "g1", "v2", 60, 3, false, ("2024-05-06T10:15", "2024-05-06T11:45")),
        ], travel: travel);
        var r = Solve(inst);
        Assert.Equal("2024-05-06T10:45", LocalStart(r, "m2")); // 10:00 + 45 minutes
        Flags(inst, ViolationKind.Travel, At(inst, "m1", "2024-05-06T09:00"), At(inst, "m2", "2024-05-06T10:30"));
    }

    [Fact]
    public void Great_circle_distance_and_travel_formula()
    {
        Assert.Equal(343.556, TravelTimes.GreatCircleKm(51.5074, -0.1278, 48.8566, 2.3522), 2); // London–Paris
        Assert.Equal(111.1949, TravelTimes.GreatCircleKm(0, 0, 1, 0), 3); // one degree of latitude
        var rules = new TravelRules(2, 15, []);
        Assert.Equal(26, TravelTimes.FormulaMinutes(rules, V1, V3)); // ceil(2 × 12.69)
        Assert.Equal(15, TravelTimes.FormulaMinutes(rules, V1, V2)); // 0.3 km: the minimum
        Assert.Equal(0, TravelTimes.FormulaMinutes(rules, V1, V1));
    }

    [Fact]
    public void A_host_shared_by_two_groups_meets_one_at_a_time()
    {
        var inst = Instance([
            Offer("m1", "phx-pd", "g1", "v1", 60, 5, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
            Offer("m2", "phx-pd", "g2", "v1", 60, 4, false, ("2024-05-06T10:00", "2024-05-06T11:30")),
            Offer("m3", "phx-pd", "g2", "v1", 60, 4, false, ("2024-05-06T09:00", "2024-05-06T10:30")),
        ]);
        var r = Solve(inst);
        Assert.Equal(9, r.Score);
        Assert.Equal(PlanningStatus.Optimal, r.Status);
        var left = r.Unscheduled.Single();
        Assert.Equal("the host is busy with group g1 at every time it offers", left.Reason);
        Flags(inst, ViolationKind.HostOverlap, At(inst, "m1", "2024-05-06T10:00"), At(inst, "m2", "2024-05-06T10:30"));
    }

    [Fact]
    public void At_most_max_meetings_a_day()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 30, 5, false, ("2024-05-06T09:00", "2024-05-06T17:00")),
            Offer("m2", "h2", "g1", "v1", 30, 5, false, ("2024-05-06T09:00", "2024-05-06T17:00")),
            Offer("m3", "h3", "g1", "v1", 30, 1, false, ("2024-05-06T09:00", "2024-05-06T17:00")),
        ], maxMeetings: 2);
        var r = Solve(inst);
        Assert.Equal(10, r.Score);
        Assert.Equal("the group's day is full on Mon 6 May (2 meetings a day)", Reason(r, "m3"));
        Flags(inst, ViolationKind.TooManyMeetings, At(inst, "m1", "2024-05-06T09:00"), At(inst, "m2", "2024-05-06T10:00"), At(inst, "m3", "2024-05-06T11:00"));
    }

    [Fact]
    public void Required_offers_are_scheduled_even_at_a_cost()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 9, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
            Offer("m2", "h2", "g1", "v1", 60, 1, true, ("2024-05-06T10:00", "2024-05-06T11:00")),
        ]);
        var r = Solve(inst);
        Assert.Equal(1, r.Score);
        Assert.Single(r.Meetings, m => m.Offer == "m2");
        Flags(inst, ViolationKind.RequiredMissing, At(inst, "m1", "2024-05-06T10:00"));
    }

    [Fact]
    public void Required_offers_that_cannot_all_fit_make_the_problem_infeasible_naming_them()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 9, true, ("2024-05-06T10:00", "2024-05-06T11:00")),
            Offer("m2", "h2", "g1", "v1", 60, 1, true, ("2024-05-06T10:00", "2024-05-06T11:00")),
            Offer("m3", "h3", "g2", "v1", 60, 1, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
        ]);
        var r = MeetingScheduler.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Infeasible, r.Status);
        Assert.Contains("m2", Reason(r, "m1"));
        Assert.Contains("m1", Reason(r, "m2"));
        Assert.StartsWith("required", Reason(r, "m1"));

        var alone = Instance([Offer("m1", "h1", "g1", "v1", 60, 9, true, ("2024-05-06T11:30", "2024-05-06T13:30"))]);
        r = MeetingScheduler.Solve(alone, Fast);
        Assert.Equal(PlanningStatus.Infeasible, r.Status);
        Assert.Equal("required, but its only window overlaps lunch (12:00–13:00)", Reason(r, "m1"));
    }

    [Fact]
    public void Starts_fall_on_the_15_minute_grid()
    {
        var inst = Instance([Offer("m1", "h1", "g1", "v1", 30, 5, false, ("2024-05-06T09:05", "2024-05-06T10:00"))], start: "09:05");
        var r = Solve(inst);
        Assert.Equal("2024-05-06T09:15", LocalStart(r, "m1"));
        Flags(inst, ViolationKind.OffGrid, At(inst, "m1", "2024-05-06T09:05"));
    }

    [Fact]
    public void Progress_reports_improving_schedules()
    {
        var seen = new List<ScheduleProgress>();
        var inst = Instance([Offer("m1", "h1", "g1", "v1", 30, 5, false, ("2024-05-06T09:00", "2024-05-06T10:00"))]);
        var r = MeetingScheduler.Solve(inst, Fast with { Progress = p => { lock (seen) { seen.Add(p); } } });
        Assert.NotEmpty(seen);
        Assert.All(seen, p => Assert.True(p.Score <= p.Bound));
        Assert.Equal(r.Score, seen.Max(p => p.Score));
    }
}
