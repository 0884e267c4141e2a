using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>Every kind of feed, read back with ical.js (an independent parser that only knows the file's VTIMEZONEs).</summary>
public sealed class FeedTests
{
    [Theory, ProviderData]
    public async Task The_edition_feed_puts_phoenix_at_utc_minus_7_salt_lake_city_at_minus_6_and_washington_and_new_york_at_minus_4(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var file = await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, FeedOwner.Edition(2024));
        var cal = await IcalJs.ParseAsync(file.Content);

        Assert.Empty(cal.MissingZones);
        Assert.All(cal.Events, e => Assert.False(e.Start.Floating || e.End.Floating, e.Summary));
        Assert.Equal(["America/Chicago", "America/Denver", "America/Los_Angeles", "America/New_York", "America/Phoenix"], cal.Zones.Order(StringComparer.Ordinal));

        var phoenix = Single(cal, $"meeting-{f.MeetingIds["phoenix"]}");
        var slc = Single(cal, $"meeting-{f.MeetingIds["salt-lake-city"]}");
        Assert.Equal(DateOnly.FromDateTime(phoenix.Start.Local), DateOnly.FromDateTime(slc.Start.Local));
        Assert.Equal(-7 * 60, phoenix.Start.OffsetMinutes);
        Assert.Equal(-6 * 60, slc.Start.OffsetMinutes);
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 18, 0, 0, TimeSpan.Zero), phoenix.Start.Utc);
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 17, 0, 0, TimeSpan.Zero), slc.Start.Utc);

        var opening = Single(cal, "demo2024-dc-opening");
        Assert.Equal(-4 * 60, opening.Start.OffsetMinutes);
        Assert.Equal(new DateTimeOffset(2024, 4, 30, 13, 0, 0, TimeSpan.Zero), opening.Start.Utc);
        var conference = cal.Events.First(e => e.Summary.StartsWith("Opening: ten years", StringComparison.Ordinal));
        Assert.Equal(-4 * 60, conference.Start.OffsetMinutes);
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 13, 0, 0, TimeSpan.Zero), conference.Start.Utc);
        Assert.Contains("Demo Plaza", conference.Location);

        // A flight leaves in its airport's zone and lands in the other's.
        var toPhoenix = Single(cal, "demo2024-tpa-phx");
        Assert.Equal((-240, -420), (toPhoenix.Start.OffsetMinutes, toPhoenix.End.OffsetMinutes));
        Assert.Equal(new DateTime(2024, 5, 7, 17, 35, 0), toPhoenix.End.Local);

        // LOCATION with the address, GEO, a description with host, interpreter and staff contact.
        var hub = Single(cal, "demo2024-stp-hub");
        Assert.Contains("8th Ave SE, St. Petersburg", hub.Location);
        Assert.Equal([27.763, -82.6305], hub.Geo!);
        Assert.Contains("Host: St. Pete maritime and defense technology hub", hub.Description);
        Assert.Contains("Program staff: Meridian International Center", hub.Description);
        Assert.Contains("Interpreter: Phoenix group interpreter (synthetic)", phoenix.Description);
        // Everything is confirmed but the conference session the demo's agenda v2 cancelled.
        Assert.Equal("Countering terrorist use of the internet", Assert.Single(cal.Events, e => e.Status == "CANCELLED").Summary);
        Assert.All(cal.Events.Where(e => e.Status != "CANCELLED"), e => Assert.Equal("CONFIRMED", e.Status));
        Assert.Equal(cal.Events.Count, cal.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Theory, ProviderData]
    public async Task Participant_group_interpreter_and_host_feeds_each_hold_their_own_part(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var phoenixMeeting = $"meeting-{f.MeetingIds["phoenix"]}@tmssw";
        var slcMeeting = $"meeting-{f.MeetingIds["salt-lake-city"]}@tmssw";

        var participant = await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, FeedOwner.Participant(2024, f.FirstMember["phoenix"]))).Content);
        var group = await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, FeedOwner.Group(2024, "salt-lake-city"))).Content);
        var interpreter = await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, FeedOwner.Interpreter(2024, f.GroupIds["phoenix"]))).Content);
        var host = await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, FeedOwner.Host(2024, f.HostIds["phoenix"]))).Content);

        foreach (var cal in new[] { participant, group, interpreter, host })
        {
            Assert.Empty(cal.MissingZones);
            Assert.DoesNotContain(cal.Events, e => e.Start.Floating || e.End.Floating);
            Assert.NotEmpty(cal.Events);
        }

        Assert.Contains(participant.Events, e => e.Uid == phoenixMeeting && e.Start.OffsetMinutes == -420);
        Assert.DoesNotContain(participant.Events, e => e.Uid == slcMeeting);
        Assert.Contains(participant.Events, e => e.Uid == "demo2024-dca-tpa@tmssw");
        Assert.Contains(participant.Events, e => e.Uid == "demo2024-phx-nyc@tmssw" && e.End.OffsetMinutes == -240);
        Assert.DoesNotContain(participant.Events, e => e.Uid == "demo2024-slc-nyc@tmssw");
        Assert.Equal(new DateTime(2024, 4, 29, 14, 0, 0), participant.Events.Min(e => e.Start.Local));
        Assert.Equal(new DateOnly(2024, 5, 17), participant.Events.Max(e => DateOnly.FromDateTime(e.End.Local)));

        Assert.Contains(group.Events, e => e.Uid == slcMeeting && e.Start.OffsetMinutes == -360);
        Assert.DoesNotContain(group.Events, e => e.Uid == phoenixMeeting);
        Assert.Equal(participant.Events.Select(e => e.Uid).Order(), interpreter.Events.Select(e => e.Uid).Order());

        // The host sees the group in its city only: the flight in, the stay, the meetings, the flight out.
        Assert.Contains(host.Events, e => e.Uid == phoenixMeeting);
        Assert.Contains(host.Events, e => e.Uid == "demo2024-tpa-phx@tmssw");
        Assert.Contains(host.Events, e => e.Uid == "demo2024-phx-nyc@tmssw");
        Assert.DoesNotContain(host.Events, e => e.Uid.StartsWith("demo2024-dc-", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Events, e => e.Uid.StartsWith("conference-", StringComparison.Ordinal));
        Assert.All(host.Events, e => Assert.InRange(DateOnly.FromDateTime(e.Start.Local), new DateOnly(2024, 5, 7), new DateOnly(2024, 5, 15)));
    }

    [Theory, ProviderData]
    public async Task A_change_raises_the_sequence_and_a_cancellation_is_sent_as_cancelled(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var item = await f.Db.ProgramItems.AsNoTracking().SingleAsync(i => i.Uid == "demo2024-dc-tip");
        var owner = FeedOwner.Participant(2024, f.FirstMember["phoenix"]);

        var before = Single(await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, owner)).Content), "demo2024-dc-tip");
        Assert.Equal((0, "CONFIRMED"), (before.Sequence, before.Status));

        var input = new ProgramItemInput(item.Phase, item.Kind, item.Title, item.Start.AddHours(1), item.End.AddHours(1), item.TimeZone,
            new AudienceInput(Audience.Cohort, null, null), item.CityId, item.VenueName, item.Address, item.Latitude, item.Longitude, item.HostName, item.Description);
        var (_, saved) = await f.SaveItem.SaveAsync(ItineraryFixture.Admin, 2024, item.Id, input);
        Assert.True(saved.Succeeded, saved.Error);
        f.Db.ChangeTracker.Clear();
        var moved = Single(await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, owner)).Content), "demo2024-dc-tip");
        Assert.Equal((1, "CONFIRMED"), (moved.Sequence, moved.Status));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 14, 0, 0, TimeSpan.Zero), moved.Start.Utc);

        // Saving the same values again is no change: the sequence stays.
        Assert.True((await f.SaveItem.SaveAsync(ItineraryFixture.Admin, 2024, item.Id, input)).Result.Succeeded);
        f.Db.ChangeTracker.Clear();
        Assert.True((await f.SaveItem.CancelAsync(ItineraryFixture.Admin, 2024, item.Id)).Succeeded);
        f.Db.ChangeTracker.Clear();
        var cancelled = Single(await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, owner)).Content), "demo2024-dc-tip");
        Assert.Equal((2, "CANCELLED"), (cancelled.Sequence, cancelled.Status));

        // A leg too, and a declined city meeting is sent as cancelled rather than dropped.
        var leg = await f.Db.TravelLegs.AsNoTracking().SingleAsync(l => l.Uid == "demo2024-dca-tpa");
        Assert.True((await f.SaveLeg.CancelAsync(ItineraryFixture.Admin, 2024, leg.Id)).Succeeded);
        var meeting = await f.Db.Meetings.SingleAsync(m => m.Id == f.MeetingIds["phoenix"]);
        meeting.Status = Tmssw.Core.Scheduling.MeetingStatus.Declined;
        await f.Db.SaveChangesAsync();
        f.Db.ChangeTracker.Clear();
        var after = await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(ItineraryFixture.Admin, owner)).Content);
        Assert.Equal((1, "CANCELLED"), (Single(after, "demo2024-dca-tpa").Sequence, Single(after, "demo2024-dca-tpa").Status));
        Assert.Equal("CANCELLED", Single(after, $"meeting-{f.MeetingIds["phoenix"]}").Status);

        var audit = await f.Db.AuditEntries.Where(a => a.EntityType == "ProgramItem" && a.EntityId == "demo2024-dc-tip").Select(a => a.Action).ToListAsync();
        Assert.Equal(["ProgramItemChanged", "ProgramItemChanged"], audit);
    }

    private static IcalEvent Single(IcalCalendar cal, string uid) => Assert.Single(cal.Events, e => e.Uid == uid + "@tmssw");
}
