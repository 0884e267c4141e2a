using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>
/// A feed's text is reused for its owner for <see cref="CalendarFeedSettings.CacheFor"/>, but the token is
/// checked on every fetch: a revoked link stops at once, even while its feed is kept.
/// </summary>
public sealed class FeedCacheTests
{
    [Theory, ProviderData]
    public async Task A_feed_is_reused_within_its_minute_and_a_revoked_link_stops_at_once(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var owner = FeedOwner.Participant(ItineraryFixture.Year, f.FirstMember["phoenix"]);
        var me = ItineraryFixture.Participant(f.FirstMember["phoenix"]);
        var link = await f.Tokens.GetOrCreateAsync(me, owner);
        var first = (await f.Calendar.ForTokenAsync(link.Token))!.Content;
        Assert.DoesNotContain("(moved)", first);

        await f.Db.ProgramItems.Where(i => i.EditionId == f.EditionId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, i => i.Title + " (moved)"));

        // Within the minute: the same text, built once.
        Assert.Same(first, (await f.Calendar.ForTokenAsync(link.Token))!.Content);

        // Without reuse (or once the minute is over) the change is there.
        var uncached = new GetCalendar(f.Get, f.Tokens, TimeProvider.System, new CalendarFeedCache(new CalendarFeedSettings(0)));
        Assert.Contains("(moved)", (await uncached.ForTokenAsync(link.Token))!.Content);

        // Another owner's feed is not this one's.
        var other = await f.Tokens.GetOrCreateAsync(ItineraryFixture.Admin, FeedOwner.Participant(ItineraryFixture.Year, f.FirstMember["salt-lake-city"]));
        Assert.Contains("(moved)", (await f.Calendar.ForTokenAsync(other.Token))!.Content);

        Assert.True(await f.Tokens.RevokeAsync(me, owner));
        Assert.Null(await f.Calendar.ForTokenAsync(link.Token));
    }

    [Fact]
    public async Task A_kept_feed_expires_after_its_time()
    {
        var cache = new CalendarFeedCache(new CalendarFeedSettings(1));
        var owner = FeedOwner.Edition(2024);
        cache.Keep(owner, new CalendarFile("a.ics", "BEGIN:VCALENDAR"));
        Assert.NotNull(cache.Find(owner));
        await Task.Delay(TimeSpan.FromMilliseconds(1300));
        Assert.Null(cache.Find(owner));
    }

    [Fact]
    public void Nothing_is_kept_when_reuse_is_off_or_the_text_is_too_large()
    {
        var off = new CalendarFeedCache(new CalendarFeedSettings(0));
        off.Keep(FeedOwner.Edition(2024), new CalendarFile("a.ics", "x"));
        Assert.Null(off.Find(FeedOwner.Edition(2024)));

        var on = new CalendarFeedCache(new CalendarFeedSettings());
        on.Keep(FeedOwner.Edition(2024), new CalendarFile("a.ics", new string('x', 5_000_000)));
        Assert.Null(on.Find(FeedOwner.Edition(2024)));
        on.Keep(FeedOwner.Edition(2025), new CalendarFile("b.ics", "small"));
        Assert.Equal("small", on.Find(FeedOwner.Edition(2025))!.Content);
    }
}
