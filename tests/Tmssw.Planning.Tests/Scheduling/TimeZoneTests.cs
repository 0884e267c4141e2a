using System.Globalization;
using Tmssw.Planning.Scheduling;
using static Tmssw.Planning.Tests.Scheduling.Build;

namespace Tmssw.Planning.Tests.Scheduling;

public class TimeZoneTests
{
    [Fact]
    public void Phoenix_and_Salt_Lake_City_differ_on_the_same_May_day()
    {
        ScheduleInstance Inst(string zone) =>
            Instance([Offer("m1", "h1", "g1", "v1", 60, 5, false, ("2024-05-06T10:00", "2024-05-06T11:00"))], timeZone: zone);
        var phx = MeetingScheduler.Solve(Inst("America/Phoenix"), Fast);
        var slc = MeetingScheduler.Solve(Inst("America/Denver"), Fast);
        Assert.Equal(TimeSpan.FromHours(-7), phx.Meetings[0].Start.Offset);
        Assert.Equal(TimeSpan.FromHours(-6), slc.Meetings[0].Start.Offset);
        Assert.Contains("\"2024-05-06T10:00-07:00\"", ScheduleJson.WriteResult(phx));
        Assert.Contains("\"2024-05-06T10:00-06:00\"", ScheduleJson.WriteResult(slc));
        // Same wall clock, one hour apart in real time.
        Assert.Equal(TimeSpan.FromHours(1), phx.Meetings[0].Start - slc.Meetings[0].Start);
    }

    [Fact]
    public void A_week_across_the_daylight_saving_change_keeps_each_days_offset()
    {
        // America/New_York springs forward on Sunday 2026-03-08.
        string[] days = ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"];
        var offers = days.Select((d, i) => Offer($"m{i}", $"h{i}", "g1", "v1", 90, 5, false, ($"{d}T10:00", $"{d}T11:30")));
        var inst = Instance(offers, timeZone: "America/New_York", days: days);
        var r = MeetingScheduler.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Optimal, r.Status);
        Assert.Equal(5, r.Meetings.Count);
        var json = ScheduleJson.WriteResult(r);
        Assert.Contains("\"2026-03-07T10:00-05:00\"", json);
        Assert.Contains("\"2026-03-08T10:00-04:00\"", json);
        Assert.Contains("\"2026-03-08T11:30-04:00\"", json);
        Assert.Contains("\"2026-03-09T10:00-04:00\"", json);
        Assert.All(r.Meetings, m => Assert.Equal(TimeSpan.FromMinutes(90), m.End - m.Start));
        // Real time from Saturday 10:00 to Sunday 10:00 is 23 hours.
        var sat = r.Meetings.Single(m => m.Offer == "m1").Start;
        var sun = r.Meetings.Single(m => m.Offer == "m2").Start;
        Assert.Equal(TimeSpan.FromHours(23), sun - sat);
        // The scorer reads times given in UTC in the instance's zone.
        var utc = r.Meetings.Select(m => m with { Start = m.Start.ToUniversalTime(), End = m.End.ToUniversalTime() }).ToList();
        Assert.True(ScheduleScorer.Evaluate(inst, utc).IsValid);
        Assert.Equal("2026-03-08T14:00Z", utc.Single(m => m.Offer == "m2").Start.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
    }
}
