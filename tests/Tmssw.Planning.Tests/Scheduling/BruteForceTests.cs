using Tmssw.Planning.Scheduling;
using static Tmssw.Planning.Tests.Scheduling.Build;

namespace Tmssw.Planning.Tests.Scheduling;

/// <summary>The solver's optimum equals the best valid schedule found by trying every start of every offer.</summary>
public class BruteForceTests
{
    public static TheoryData<string> Cases => ["travel", "shared-host", "busy-required"];

    private static ScheduleInstance Case(string name) => name switch
    {
        "travel" => Instance(
            [
                Offer("a", "h1", "g1", "v1", 60, 5, false, ("2024-05-06T09:00", "2024-05-06T11:00")),
                Offer("b", "h2", "g1", "v3", 60, 4, false, ("2024-05-06T09:00", "2024-05-06T12:00")),
                Offer("c", "h1", "g1", "v2", 45, 3, false, ("2024-05-06T10:00", "2024-05-06T12:00")),
                Offer("d", "h3", "g1", "v1", 30, 2, false, ("2024-05-06T09:00", "2024-05-06T10:00")),
            ], start: "09:00", end: "12:00", lunch: false, maxMeetings: 3),
        "shared-host" => Instance(
            [
                Offer("a", "h1", "g1", "v1", 60, 3, false, ("2024-05-06T09:00", "2024-05-06T11:30")),
                Offer("b", "h1", "g2", "v2", 60, 3, false, ("2024-05-06T09:00", "2024-05-06T11:30")),
                Offer("c", "h1", "g2", "v1", 30, 2, false, ("2024-05-06T09:30", "2024-05-06T11:00")),
                Offer("d", "h2", "g1", "v3", 45, 4, false, ("2024-05-06T09:00", "2024-05-06T10:30")),
            ], start: "09:00", end: "11:30", lunch: false, maxMeetings: 2),
        _ => Instance(
            [
                Offer("a", "h1", "g1", "v1", 60, 6, false, ("2024-05-06T09:00", "2024-05-06T11:00")),
                Offer("b", "h2", "g1", "v3", 45, 5, false, ("2024-05-06T10:00", "2024-05-06T12:00")),
                Offer("c", "h3", "g1", "v2", 30, 1, true, ("2024-05-06T09:00", "2024-05-06T11:00")),
                Offer("d", "h1", "g1", "v1", 30, 3, false, ("2024-05-06T11:00", "2024-05-06T12:00")),
            ], start: "09:00", end: "12:00", lunch: false, maxMeetings: 3,
            groups: [new VisitingGroup("g1", [Span("2024-05-06T09:30", "2024-05-06T10:00")]), new VisitingGroup("g2", [])]),
    };

    private static int BruteForceBest(ScheduleInstance inst)
    {
        // Every start on the grid inside the day's hours, or absent.
        var choices = inst.Offers.Select(o =>
        {
            var list = new List<ScheduledMeeting?> { null };
            var zone = TimeZoneInfo.FindSystemTimeZoneById(inst.TimeZone);
            foreach (var day in inst.Days)
            {
                for (var t = day.ToDateTime(inst.Day.Start); t.AddMinutes(o.Minutes) <= day.ToDateTime(inst.Day.End); t = t.AddMinutes(15))
                {
                    var s = new DateTimeOffset(t, zone.GetUtcOffset(t));
                    list.Add(new ScheduledMeeting(o.Id, s, s.AddMinutes(o.Minutes)));
                }
            }

            return list;
        }).ToList();
        var best = -1;
        var current = new List<ScheduledMeeting>();
        void Walk(int i)
        {
            if (i == choices.Count)
            {
                var report = ScheduleScorer.Evaluate(inst, current);
                if (report.IsValid && report.Score > best)
                {
                    best = report.Score;
                }

                return;
            }
            foreach (var c in choices[i])
            {
                if (c is not null)
                {
                    current.Add(c);
                }

                Walk(i + 1);
                if (c is not null)
                {
                    current.RemoveAt(current.Count - 1);
                }
            }
        }
        Walk(0);
        return best;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Solver_finds_the_brute_force_optimum(string name)
    {
        var inst = Case(name);
        var expected = BruteForceBest(inst);
        var result = MeetingScheduler.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Optimal, result.Status);
        Assert.Equal(expected, result.Score);
        Assert.Equal(expected, result.Bound);
        Assert.True(ScheduleScorer.Evaluate(inst, result.Meetings).IsValid);

        var greedy = GreedyScheduler.Solve(inst);
        Assert.True(ScheduleScorer.Evaluate(inst, greedy.Meetings).IsValid);
        Assert.True(greedy.Score <= expected);
        Assert.All(result.Unscheduled, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
    }
}
