using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Alumni;

/// <summary>
/// What makes a signed-in participant an alumnus, read from the data (their record's status is Completed),
/// never granted by hand: the edition, themes, region and agency the knowledge exchange's labels compare.
/// </summary>
public sealed record AlumnusFacts(int ParticipantId, int EditionId, IReadOnlyList<string> Themes, string Region, string AgencyKey)
{
    /// <summary>The facts of a participant whose status is Completed; null for anyone else (or no record).</summary>
    public static async Task<AlumnusFacts?> LoadAsync(TmsswDbContext db, int? participantId, CancellationToken cancellationToken)
    {
        if (participantId is not { } id)
        {
            return null;
        }

        var p = await db.Participants.AsNoTracking()
            .Where(x => x.Id == id && x.Status == NominationStatus.Completed)
            .Select(x => new { x.Id, x.EditionId, x.Themes, x.Region, x.Agency })
            .FirstOrDefaultAsync(cancellationToken);
        return p is null ? null : new AlumnusFacts(p.Id, p.EditionId, p.Themes, p.Region, AlumniRules.AgencyKey(p.Agency));
    }
}
