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
        var participant = await scope.Participants(db).AsNoTracking().Include(p => p.History)
            .FirstOrDefaultAsync(p => p.Id == id && (editionId == null || p.EditionId == editionId), cancellationToken);
        if (participant is null)
        {
            return null;
        }

        var year = await db.Editions.Where(e => e.Id == participant.EditionId).Select(e => e.Year).FirstAsync(cancellationToken);
        var groupName = participant.GroupId is { } g
            ? await db.Groups.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ParticipantView(participant, year, groupName);
    }
}
