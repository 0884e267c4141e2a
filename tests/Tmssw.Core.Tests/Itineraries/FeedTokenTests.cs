using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

public sealed class FeedTokenTests
{
    [Theory, ProviderData]
    public async Task A_feed_token_is_stable_regenerable_and_revocable(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var owner = FeedOwner.Participant(2024, f.FirstMember["phoenix"]);
        var me = ItineraryFixture.Participant(f.FirstMember["phoenix"]);

        Assert.Null(await f.Tokens.GetAsync(me, owner));
        var first = await f.Tokens.GetOrCreateAsync(me, owner);
        Assert.Equal(first.Token, (await f.Tokens.GetOrCreateAsync(me, owner)).Token);
        Assert.True(first.Token.Length >= 43);
        Assert.Equal($"/feeds/{first.Token}.ics", first.Path);
        Assert.Equal(owner, await f.Tokens.ResolveAsync(first.Token));
        Assert.NotNull(await f.Calendar.ForTokenAsync(first.Token));

        // Only the hash is searchable; the token itself is not stored in the clear.
        Assert.False(await f.Db.FeedTokens.AnyAsync(t => t.TokenHash == first.Token || t.TokenProtected == first.Token));

        var second = await f.Tokens.RegenerateAsync(me, owner);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Null(await f.Tokens.ResolveAsync(first.Token));
        Assert.Null(await f.Calendar.ForTokenAsync(first.Token));
        Assert.Equal(owner, await f.Tokens.ResolveAsync(second.Token));

        Assert.True(await f.Tokens.RevokeAsync(me, owner));
        Assert.Null(await f.Tokens.ResolveAsync(second.Token));
        Assert.Null(await f.Calendar.ForTokenAsync(second.Token));
        Assert.Null(await f.Tokens.GetAsync(me, owner));
        Assert.False(await f.Tokens.RevokeAsync(me, owner));
        Assert.Null(await f.Tokens.ResolveAsync("not-a-token"));

        var actions = await f.Db.AuditEntries.Where(a => a.EntityType == "FeedToken").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["FeedTokenCreated", "FeedTokenRegenerated", "FeedTokenRevoked"], actions);
    }

    [Theory, ProviderData]
    public async Task A_feed_shows_what_its_owner_sees_and_nothing_else(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var hostLink = await f.Tokens.GetOrCreateAsync(ItineraryFixture.Host("phoenix"), FeedOwner.Host(2024, f.HostIds["phoenix"]));
        var hostFeed = await IcalJs.ParseAsync((await f.Calendar.ForTokenAsync(hostLink.Token))!.Content);
        Assert.DoesNotContain(hostFeed.Events, e => e.Uid.StartsWith("demo2024-dc-", StringComparison.Ordinal));
        Assert.Contains(hostFeed.Events, e => e.Uid == $"meeting-{f.MeetingIds["phoenix"]}@tmssw");

        var editionLink = await f.Tokens.GetOrCreateAsync(ItineraryFixture.Admin, FeedOwner.Edition(2024));
        var editionFeed = await IcalJs.ParseAsync((await f.Calendar.ForTokenAsync(editionLink.Token))!.Content);
        Assert.Contains(editionFeed.Events, e => e.Uid == $"meeting-{f.MeetingIds["salt-lake-city"]}@tmssw");
    }
}
