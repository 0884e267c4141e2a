using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

/// <summary>Locks (or unlocks) a participant to their city in a draft version: the next run keeps them there.</summary>
public sealed class LockParticipant(TmsswDbContext db, AuditLog audit)
{
    public async Task<SplitChangeOutcome> RunAsync(UserScope scope, int editionId, int version, int participantId, bool locked, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var (plan, assignment, error) = await SplitDrafts.FindAsync(db, editionId, version, participantId, cancellationToken);
        if (error is not null)
        {
            return new SplitChangeOutcome(error);
        }

        var before = assignment!.Locked;
        assignment.Locked = locked;
        var evaluation = SplitDrafts.Rescore(plan!);
        audit.Record(actor, "SplitLock", nameof(SplitAssignment), $"{editionId}/v{version}/{participantId}",
            [new("Locked", before ? "yes" : "no", locked ? "yes" : "no"), new("City", null, assignment.CityId)]);
        await db.SaveChangesAsync(cancellationToken);
        return new SplitChangeOutcome(null, evaluation, plan);
    }
}
