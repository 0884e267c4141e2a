using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Itineraries;

/// <summary>Whose the signed-in person's own itinerary is: a participant's, or an interpreter's group's.</summary>
public sealed record OwnItinerary(Itinerary Itinerary, FeedOwner Feed, int? ParticipantId, string? InterpretationLanguage);

/// <summary>
/// The itinerary of the person signed in, for their own pages (profile, itinerary, Today, book): a
/// Participant's own (their record's edition), an Interpreter's group's. Anyone else has none (404).
/// The itinerary itself comes from <see cref="GetItinerary"/>, which checks the scope again.
/// </summary>
public sealed class GetOwnItinerary(TmsswDbContext db, GetItinerary itineraries)
{
    public async Task<OwnItinerary> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.IsParticipant && scope.ParticipantId is { } participantId)
        {
            var own = await db.Participants.AsNoTracking().Where(p => p.Id == participantId)
                .Join(db.Editions, p => p.EditionId, e => e.Id, (p, e) => new { e.Year, p.InterpretationLanguage })
                .FirstOrDefaultAsync(ct) ?? throw new OutOfScopeException("your itinerary");
            var itinerary = await itineraries.ForParticipantAsync(scope, own.Year, participantId, ct);
            return new OwnItinerary(itinerary, FeedOwner.Participant(own.Year, participantId), participantId, own.InterpretationLanguage);
        }

        if (scope.IsInterpreter && scope.GroupId is { } groupId)
        {
            var year = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
                .Join(db.Editions, g => g.EditionId, e => e.Id, (g, e) => (int?)e.Year)
                .FirstOrDefaultAsync(ct) ?? throw new OutOfScopeException("your group's itinerary");
            var itinerary = await itineraries.ForInterpreterAsync(scope, year, groupId, ct);
            return new OwnItinerary(itinerary, FeedOwner.Interpreter(year, groupId), null, null);
        }

        throw new OutOfScopeException("an itinerary of your own");
    }
}
