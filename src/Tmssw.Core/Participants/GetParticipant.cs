using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants;

/// <summary>
/// A participant with their status history, their edition's year and their group's name. Whether
/// the history is shown is <see cref="UserScope.MaySeeHistory"/>; the sensitive fields stay encrypted.
/// </summary>
public sealed record ParticipantView(Participant Participant, int Year, string? GroupName);

/// <summary>Someone opens one participant within their scope (<see cref="UserScope.Participants"/>); null when out of it or unknown.</summary>
public sealed class GetParticipant(TmsswDbContext db)
{
    /// <param name="editionId">When given, a participant of another edition is null too (the pages' URLs name the edition).</param>
    public async Task<ParticipantView?> RunAsync(UserScope scope, int id, int? editionId = null, CancellationToken cancellationToken = default)
    {
        // One round trip: the participant, their history, their edition's year and their group's name.
        var found = await scope.Participants(db).AsNoTracking()
            .Where(p => p.Id == id && (editionId == null || p.EditionId == editionId))
            .Select(p => new
            {
                Participant = p,
                History = p.History.ToList(),
                Year = db.Editions.Where(e => e.Id == p.EditionId).Select(e => e.Year).First(),
                GroupName = db.Groups.Where(g => g.Id == p.GroupId).Select(g => g.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        found.Participant.History = found.History;
        return new ParticipantView(found.Participant, found.Year, found.GroupName);
    }
}
