using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Splits;

/// <summary>
/// Publishes one version: unpublishes the others, and sets each participant's <see cref="Participant.GroupId"/>
/// to the group of their city (what the scheduler, rosters and itineraries read), creating a missing
/// group; people no longer in the cohort leave their group. Audited field by field. A version that
/// breaks a hard rule, or that does not hold exactly the current cohort, is refused.
/// </summary>
public sealed class PublishSplit(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int editionId, int version, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var plan = await SplitPlans.FindAsync(db, editionId, version, cancellationToken);
        if (plan is null)
        {
            return Result.Fail($"There is no split version {version}.");
        }

        var evaluation = SplitPlans.Evaluate(plan);
        if (!evaluation.IsFeasible)
        {
            return Result.Fail($"Version {version} breaks {evaluation.Violations.Count} rule(s): {string.Join("; ", evaluation.Violations.Take(5))}. Fix them before publishing.");
        }

        var cohort = await SplitCohort.Query(db, editionId).ToListAsync(cancellationToken);
        var inPlan = plan.Assignments.Select(a => a.ParticipantId).ToHashSet();
        var missing = cohort.Where(p => !inPlan.Contains(p.Id)).ToList();
        var gone = inPlan.Except(cohort.Select(p => p.Id)).ToList();
        if (missing.Count > 0 || gone.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"{string.Join(", ", missing.Select(p => p.FullName))} confirmed since and not in it");
            }

            if (gone.Count > 0)
            {
                parts.Add($"{gone.Count} participant(s) in it are no longer confirmed");
            }

            return Result.Fail($"Version {version} is out of date ({string.Join("; ", parts)}): run the planner again or re-plan after the withdrawal.");
        }

        // One transaction: the published flag, the new groups and every participant's group are saved together
        // or not at all (a crash between the two saves below used to leave a published plan without its groups).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var other in await db.SplitPlans.Where(p => p.EditionId == editionId && p.IsPublished && p.Id != plan.Id).ToListAsync(cancellationToken))
        {
            other.IsPublished = false;
            audit.Record(actor, "SplitUnpublished", nameof(SplitPlan), $"{editionId}/v{other.Version}", [new("IsPublished", "yes", "no")]);
        }

        plan.IsPublished = true;
        plan.PublishedAt = now;
        audit.Record(actor, "SplitPublished", nameof(SplitPlan), $"{editionId}/v{version}",
            [new("IsPublished", "no", "yes"), new("Score", null, evaluation.Score.ToString(CultureInfo.InvariantCulture))]);

        var groups = await db.Groups.Where(g => g.EditionId == editionId).ToListAsync(cancellationToken);
        foreach (var cityId in plan.Assignments.Select(a => a.CityId).Distinct().Where(c => groups.All(g => g.CityId != c)))
        {
            var group = new Group { EditionId = editionId, CityId = cityId, Name = $"{BuildSplitInstance.CityName(cityId)} group" };
            db.Groups.Add(group);
            groups.Add(group);
        }

        await db.SaveChangesAsync(cancellationToken);
        await FaultPoints.PauseIfAskedAsync(FaultPoints.SplitPublish, cancellationToken);
        var groupOfCity = groups.ToDictionary(g => g.CityId, StringComparer.Ordinal);
        var nameOf = groups.ToDictionary(g => g.Id, g => g.Name);
        var cityOf = plan.Assignments.ToDictionary(a => a.ParticipantId, a => a.CityId);
        var people = await db.Participants.Where(p => p.EditionId == editionId && (inPlan.Contains(p.Id) || p.GroupId != null)).ToListAsync(cancellationToken);
        foreach (var p in people)
        {
            int? to = cityOf.TryGetValue(p.Id, out var city) ? groupOfCity[city].Id : null;
            if (p.GroupId == to)
            {
                continue;
            }

            audit.Record(actor, "GroupAssigned", nameof(Participant), p.Id.ToString(CultureInfo.InvariantCulture),
                [new("Group", p.GroupId is { } g0 ? nameOf.GetValueOrDefault(g0) : null, to is { } g1 ? nameOf[g1] : null)]);
            p.GroupId = to;
            p.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok;
    }
}
