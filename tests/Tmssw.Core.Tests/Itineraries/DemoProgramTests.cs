using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Demo;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

public sealed class DemoProgramTests
{
    [Theory, ProviderData]
    public async Task The_demo_program_takes_every_group_from_washington_on_april_29_to_new_york_on_may_17_without_conflicts(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var overview = await new GetProgramOverview(f.Db).RunAsync(ItineraryFixture.Admin, 2024, null);
        Assert.Empty(overview.Conflicts);
        Assert.Contains(overview.Items, i => i.Kind == ItineraryEntryKind.SiteVisit && i.CityId == "st-petersburg" && i.Title.Contains("maritime and defense technology hub", StringComparison.Ordinal));
        Assert.All(overview.Legs, l => Assert.Contains("synthetic", l.Carrier, StringComparison.Ordinal));

        foreach (var (city, groupId) in f.GroupIds)
        {
            Assert.Single(overview.Legs, l => l.GroupId == groupId && l.FromAirport == "TPA");
            Assert.Single(overview.Legs, l => l.GroupId == groupId && Airports.Get(l.ToAirport).CityId == "new-york");
            Assert.Single(overview.Lodgings, l => l.GroupId == groupId && l.CityId == city);

            var it = await f.Get.ForParticipantAsync(ItineraryFixture.Admin, 2024, f.FirstMember[city]);
            Assert.Equal(new DateOnly(2024, 4, 29), DateOnly.FromDateTime(it.Entries[0].LocalStart));
            Assert.Equal(new DateOnly(2024, 5, 17), it.Entries.Max(e => DateOnly.FromDateTime(e.LocalEnd)));
            Assert.Equal(4, it.Entries.Count(e => e.Kind == ItineraryEntryKind.Lodging));
        }

        // Loading again adds nothing.
        var items = await f.Db.ProgramItems.CountAsync();
        await new LoadDemo(f.Db, TimeProvider.System).RunAsync();
        Assert.Equal(items, await f.Db.ProgramItems.CountAsync());
        Assert.Contains(overview.Items, i => i.Phase == PhaseKind.Conference);
    }

    [Theory, ProviderData]
    public async Task Staff_pages_see_a_meeting_placed_before_the_groups_flight_lands(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var meeting = await f.Db.Meetings.SingleAsync(m => m.Id == f.MeetingIds["phoenix"]);
        meeting.Start = new DateTime(2024, 5, 7, 17, 0, 0);
        meeting.End = new DateTime(2024, 5, 7, 18, 0, 0);
        await f.Db.SaveChangesAsync();

        var overview = await new GetProgramOverview(f.Db).RunAsync(ItineraryFixture.Admin, 2024, PhaseKind.Travel);
        Assert.NotEmpty(overview.Conflicts);
        Assert.All(overview.Conflicts, c => Assert.Equal(
            new[] { "demo2024-tpa-phx", $"meeting-{meeting.Id}" },
            new[] { c.Conflict.Uid, c.Conflict.OtherUid }.Order(StringComparer.Ordinal)));
        Assert.Contains(overview.Conflicts, c => c.Conflict.Message.Contains("lands at 17:35", StringComparison.Ordinal));
        Assert.Contains(overview.Conflicts, c => c.Conflict.Message.Contains("same time", StringComparison.Ordinal));
        Assert.NotEmpty(overview.ConflictsOf("demo2024-tpa-phx"));
    }
}
