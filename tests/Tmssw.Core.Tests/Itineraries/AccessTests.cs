using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>Who sees which itinerary (and manages which feed): issue 11, part 9.</summary>
public sealed class AccessTests
{
    [Theory, ProviderData]
    public async Task A_participant_sees_their_own_itinerary_and_their_groups_names_only(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var me = ItineraryFixture.Participant(f.FirstMember["phoenix"]);

        var own = await f.Get.ForParticipantAsync(me, 2024, f.FirstMember["phoenix"]);
        Assert.Equal("Phoenix group", own.GroupName);
        Assert.NotEmpty(own.Roster);
        Assert.All(own.Roster, r => Assert.False(string.IsNullOrWhiteSpace(r.Country)));
        Assert.NotNull(await f.Get.ForGroupAsync(me, 2024, "phoenix"));

        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForParticipantAsync(me, 2024, f.FirstMember["austin"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForGroupAsync(me, 2024, "salt-lake-city"));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForInterpreterAsync(me, 2024, f.GroupIds["phoenix"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForHostAsync(me, 2024, f.HostIds["phoenix"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForEditionAsync(me, 2024));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Tokens.GetOrCreateAsync(me, FeedOwner.Participant(2024, f.FirstMember["austin"])));
        Assert.NotNull(await f.Tokens.GetOrCreateAsync(me, FeedOwner.Participant(2024, f.FirstMember["phoenix"])));
    }

    [Theory, ProviderData]
    public async Task An_interpreter_sees_their_groups_itinerary_and_no_other(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var interpreter = ItineraryFixture.Interpreter(f.GroupIds["phoenix"]);

        var mine = await f.Get.ForInterpreterAsync(interpreter, 2024, f.GroupIds["phoenix"]);
        Assert.Equal("Phoenix group interpreter (synthetic)", mine.OwnerName);
        Assert.Contains(mine.Entries, e => e.Uid == $"meeting-{f.MeetingIds["phoenix"]}");
        Assert.NotEmpty((await f.Get.ForGroupAsync(interpreter, 2024, "phoenix")).Roster);

        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForInterpreterAsync(interpreter, 2024, f.GroupIds["salt-lake-city"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForGroupAsync(interpreter, 2024, "salt-lake-city"));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForParticipantAsync(interpreter, 2024, f.FirstMember["phoenix"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForEditionAsync(interpreter, 2024));
    }

    [Theory, ProviderData]
    public async Task A_host_sees_the_group_of_its_city_only_while_it_is_there(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var host = ItineraryFixture.Host("phoenix");

        var view = await f.Get.ForHostAsync(host, 2024, f.HostIds["phoenix"]);
        var asGroup = await f.Get.ForGroupAsync(host, 2024, "phoenix");
        foreach (var it in new[] { view, asGroup })
        {
            Assert.Contains(it.Entries, e => e.Uid == $"meeting-{f.MeetingIds["phoenix"]}");
            Assert.Contains(it.Entries, e => e.Uid == "demo2024-tpa-phx");
            Assert.DoesNotContain(it.Entries, e => e.Uid.StartsWith("demo2024-dc-", StringComparison.Ordinal) || e.Uid.StartsWith("demo2024-nyc-", StringComparison.Ordinal));
            Assert.DoesNotContain(it.Entries, e => e.Uid.StartsWith("conference-", StringComparison.Ordinal));
            Assert.NotEmpty(it.Roster);
        }

        // The whole group's three weeks are not the host's to subscribe to.
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Tokens.GetOrCreateAsync(host, FeedOwner.Group(2024, "phoenix")));
        Assert.NotNull(await f.Tokens.GetOrCreateAsync(host, FeedOwner.Host(2024, f.HostIds["phoenix"])));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForHostAsync(host, 2024, f.HostIds["salt-lake-city"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForGroupAsync(host, 2024, "salt-lake-city"));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForParticipantAsync(host, 2024, f.FirstMember["phoenix"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForEditionAsync(host, 2024));
    }

    [Theory, ProviderData]
    public async Task Staff_see_their_editions_only(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var mine = ItineraryFixture.Staff(f.EditionId);
        var other = ItineraryFixture.Staff(f.EditionId + 1000);

        var all = await f.Get.ForEditionAsync(mine, 2024);
        Assert.Contains(all.Entries, e => e.Uid == $"meeting-{f.MeetingIds["salt-lake-city"]}");
        Assert.NotNull(await f.Get.ForParticipantAsync(mine, 2024, f.FirstMember["austin"]));
        Assert.NotNull(await f.Get.ForHostAsync(mine, 2024, f.HostIds["austin"]));

        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForEditionAsync(other, 2024));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForParticipantAsync(other, 2024, f.FirstMember["austin"]));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForGroupAsync(other, 2024, "austin"));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.SaveItem.CancelAsync(other, 2024, 1));
        await Assert.ThrowsAsync<OutOfScopeException>(() => f.Get.ForEditionAsync(mine, 1999));
    }

    [Theory, ProviderData]
    public async Task A_participant_sees_city_meetings_only_once_the_week_is_published(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var publication = f.Db.SchedulePublications.Single(p => p.GroupId == f.GroupIds["phoenix"]);
        f.Db.SchedulePublications.Remove(publication);
        await f.Db.SaveChangesAsync();

        var me = ItineraryFixture.Participant(f.FirstMember["phoenix"]);
        Assert.DoesNotContain((await f.Get.ForParticipantAsync(me, 2024, f.FirstMember["phoenix"])).Entries, e => e.Kind == ItineraryEntryKind.Meeting);
        Assert.Contains((await f.Get.ForParticipantAsync(ItineraryFixture.Admin, 2024, f.FirstMember["phoenix"])).Entries, e => e.Kind == ItineraryEntryKind.Meeting);
    }
}
