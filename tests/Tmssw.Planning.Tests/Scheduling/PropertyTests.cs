using Tmssw.Planning.Scheduling;
using static Tmssw.Planning.Tests.Scheduling.Build;

namespace Tmssw.Planning.Tests.Scheduling;

public class PropertyTests
{
    private static ScheduleInstance Random(int seed)
    {
        var rng = new Random(seed);
        string[] days = ["2024-05-06", "2024-05-07"];
        var offers = Enumerable.Range(0, 10).Select(i =>
        {
            var day = days[rng.Next(2)];
            var from = 9 + rng.Next(6);
            var to = Math.Min(17, from + 1 + rng.Next(4));
            return Offer($"m{i}", $"h{rng.Next(4)}", $"g{1 + rng.Next(2)}", $"v{1 + rng.Next(3)}", 30 + 15 * rng.Next(5), rng.Next(1, 10), false,
                ($"{day}T{from:00}:00", $"{day}T{to:00}:30"));
        });
        var groups = new[] { new VisitingGroup("g1", [Span("2024-05-06T09:00", "2024-05-06T10:00")]), new VisitingGroup("g2", []) };
        return Instance(offers, days: days, maxMeetings: 3, groups: groups);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Solver_and_greedy_keep_every_rule_and_the_solver_is_no_worse(int seed)
    {
        var inst = Random(seed);
        var greedy = GreedyScheduler.Solve(inst);
        var solved = MeetingScheduler.Solve(inst, Fast);
        Assert.True(ScheduleScorer.Evaluate(inst, greedy.Meetings).IsValid);
        Assert.True(ScheduleScorer.Evaluate(inst, solved.Meetings).IsValid);
        Assert.Empty(solved.Violations);
        Assert.True(solved.Score >= greedy.Score);
        Assert.True(solved.Score <= solved.Bound);
        Assert.Equal(inst.Offers.Count, solved.Meetings.Count + solved.Unscheduled.Count);
        Assert.All(solved.Unscheduled, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
    }

    [Fact]
    public void A_cancelled_search_still_returns_a_valid_schedule()
    {
        var inst = Random(5);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = MeetingScheduler.Solve(inst, Fast with { CancellationToken = cts.Token });
        Assert.True(ScheduleScorer.Evaluate(inst, r.Meetings).IsValid);
        Assert.NotEqual(PlanningStatus.Infeasible, r.Status);
    }
}
