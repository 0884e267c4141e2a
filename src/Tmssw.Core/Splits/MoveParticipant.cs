using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

/// <summary>Moves a participant to another city in a draft (unpublished) version and rescores it at once.</summary>
public sealed class MoveParticipant(TmsswDbContext db, AuditLog audit)
{
    public async Task<SplitChangeOutcome> RunAsync(UserScope scope, int editionId, int version, int participantId, string cityId, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var (plan, assignment, error) = await SplitDrafts.FindAsync(db, editionId, version, participantId, cancellationToken);
        if (error is not null)
        {
            return new SplitChangeOutcome(error);
        }

        var instance = SplitPlans.InstanceOf(plan!);
        if (instance.Cities.All(c => c.Id != cityId))
        {
            return new SplitChangeOutcome($"'{cityId}' is not one of this version's cities: {string.Join(", ", instance.Cities.Select(c => c.Id))}.");
        }

        var before = assignment!.CityId;
        if (before != cityId)
        {
            assignment.CityId = cityId;
            assignment.Explanation = $"moved by hand from {BuildSplitInstance.CityName(before)} to {BuildSplitInstance.CityName(cityId)} by {actor.Name}"
                + (assignment.Locked ? "; locked" : "");
        }

        var evaluation = SplitDrafts.Rescore(plan!);
        audit.Record(actor, "SplitMove", nameof(SplitAssignment), $"{editionId}/v{version}/{participantId}",
            [new("City", before, cityId), new("Score", null, evaluation.Score.ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(cancellationToken);
        return new SplitChangeOutcome(null, evaluation, plan);
    }
}
