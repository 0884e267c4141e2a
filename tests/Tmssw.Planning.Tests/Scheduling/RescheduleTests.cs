using Tmssw.Planning.Scheduling;
using static Tmssw.Planning.Tests.Scheduling.Build;

namespace Tmssw.Planning.Tests.Scheduling;

public class RescheduleTests
{
    private static ScheduleInstance Week()
    {
        // One group, three days, twelve offers with wide windows: many optimal schedules exist.
        string[] days = ["2024-05-06", "2024-05-07", "2024-05-08"];
        var offers = new List<MeetingOffer>();
        for (var i = 0; i < 12; i++)
        {
            var venue = (i % 3) switch { 0 => "v1", 1 => "v2", _ => "v3" };
            offers.Add(Offer($"m{i}", $"h{i % 6}", "g1", venue, 60 + 15 * (i % 3), 3 + i % 5, false,
                ("2024-05-06T09:00", "2024-05-08T17:30")));
        }
        return Instance(offers, days: days, maxMeetings: 3);
    }

    [Fact]
    public void A_declined_offer_moves_few_meetings()
    {
        var inst = Week();
        var first = MeetingScheduler.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Optimal, first.Status);
        Assert.Equal(9, first.Meetings.Count);

        // The host of one scheduled meeting declines.
        var declined = first.Meetings[3].Offer;
        var after = inst with { Offers = [.. inst.Offers.Where(o => o.Id != declined)] };
        var previous = first.Meetings.ToDictionary(m => m.Offer, m => m.Start);
        var second = MeetingScheduler.Solve(after, Fast with { PreviousSchedule = previous, ChangeWeight = 1 });

        Assert.True(ScheduleScorer.Evaluate(after, second.Meetings).IsValid);
        Assert.Equal(PlanningStatus.Optimal, second.Status);
        // Everything else stays where it was; at most the freed slot is filled by one new meeting.
        var stayed = second.Meetings.Count(m => previous.TryGetValue(m.Offer, out var s) && s == m.Start);
        Assert.Equal(8, stayed);
        Assert.Equal(0, second.Moved);
        Assert.Equal(9, second.Meetings.Count);
    }

    [Fact]
    public void A_meeting_moves_when_moving_pays_more()
    {
        var inst = Instance([
            Offer("m1", "h1", "g1", "v1", 60, 2, false, ("2024-05-06T09:00", "2024-05-06T11:00")),
            Offer("m2", "h2", "g1", "v1", 60, 9, false, ("2024-05-06T10:00", "2024-05-06T11:00")),
        ]);
        // m1 was at 10:00, the only slot of the new, valuable m2.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(inst.TimeZone);
        var was = new DateTimeOffset(L("2024-05-06T10:00"), zone.GetUtcOffset(L("2024-05-06T10:00")));
        var r = MeetingScheduler.Solve(inst, Fast with { PreviousSchedule = new Dictionary<string, DateTimeOffset> { ["m1"] = was }, ChangeWeight = 1 });
        Assert.Equal(11, r.Score);
        Assert.Equal(1, r.Moved);
        Assert.Equal("2024-05-06T09:00", LocalStart(r, "m1"));

        // With a change weight above m2's value, m1 stays and m2 is left out.
        r = MeetingScheduler.Solve(inst, Fast with { PreviousSchedule = new Dictionary<string, DateTimeOffset> { ["m1"] = was }, ChangeWeight = 20 });
        Assert.Equal(0, r.Moved);
        Assert.Equal(2, r.Score);
    }
}
