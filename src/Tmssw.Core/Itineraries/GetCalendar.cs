using Tmssw.Core.Accounts;

namespace Tmssw.Core.Itineraries;

/// <summary>An iCalendar file ready to send: its download name and its text.</summary>
public sealed record CalendarFile(string FileName, string Content);

/// <summary>
/// The iCalendar (RFC 5545) of a participant, group, interpreter, host or edition: for a signed-in
/// person's download and the CLI (held to the caller's scope), and for a secret feed URL (the token
/// is the credential; an unknown or revoked token gives nothing). A feed's text is reused for its owner for
/// <see cref="CalendarFeedSettings.CacheFor"/> (<see cref="CalendarFeedCache"/>) (the token itself is checked on every fetch).
/// </summary>
public sealed class GetCalendar(GetItinerary itineraries, ManageFeedToken tokens, TimeProvider clock, CalendarFeedCache cache)
{
    public async Task<CalendarFile> ForOwnerAsync(UserScope scope, FeedOwner owner, CancellationToken ct = default)
    {
        var itinerary = owner.Kind switch
        {
            FeedOwnerKind.Participant => await itineraries.ForParticipantAsync(scope, owner.EditionYear, owner.KeyAsId, ct),
            FeedOwnerKind.Group => await itineraries.ForGroupAsync(scope, owner.EditionYear, owner.Key, ct),
            FeedOwnerKind.Interpreter => await itineraries.ForInterpreterAsync(scope, owner.EditionYear, owner.KeyAsId, ct),
            FeedOwnerKind.Host => await itineraries.ForHostAsync(scope, owner.EditionYear, owner.KeyAsId, ct),
            _ => await itineraries.ForEditionAsync(scope, owner.EditionYear, ct),
        };
        var name = owner.Kind switch
        {
            FeedOwnerKind.Edition => $"{itinerary.EditionTitle} {itinerary.EditionYear}",
            FeedOwnerKind.Group => $"{itinerary.GroupName} — TMSSW {itinerary.EditionYear}",
            _ => $"{itinerary.OwnerName} — TMSSW {itinerary.EditionYear}",
        };
        var file = owner.Kind switch
        {
            FeedOwnerKind.Edition => IcsCalendar.FileName(owner.EditionYear, "program"),
            FeedOwnerKind.Group => IcsCalendar.FileName(owner.EditionYear, owner.Key),
            FeedOwnerKind.Participant => IcsCalendar.FileName(owner.EditionYear, "participant-" + owner.Key),
            FeedOwnerKind.Interpreter => IcsCalendar.FileName(owner.EditionYear, "interpreter-" + owner.Key),
            _ => IcsCalendar.FileName(owner.EditionYear, "host-" + owner.Key),
        };
        return new CalendarFile(file, IcsCalendar.Write(itinerary, name, clock.GetUtcNow()));
    }

    /// <summary>The feed behind a secret URL; null when the token is unknown or revoked (answered as 404).</summary>
    public async Task<CalendarFile?> ForTokenAsync(string token, CancellationToken ct = default)
    {
        var owner = await tokens.ResolveAsync(token, ct);
        if (owner is null)
        {
            return null;
        }

        if (cache.Find(owner) is { } kept)
        {
            return kept;
        }

        CalendarFile built;
        var scope = await tokens.ScopeForAsync(owner, ct);
        try
        {
            built = await ForOwnerAsync(scope, owner, ct);
        }
        catch (OutOfScopeException)
        {
            // The owner no longer exists (a participant removed, a host deleted): the feed is gone.
            return null;
        }

        cache.Keep(owner, built);
        return built;
    }
}
