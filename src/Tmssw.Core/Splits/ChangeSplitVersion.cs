using Tmssw.Core.Accounts;
using System.Globalization;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

/// <summary>After a manual change: the new evaluation (score breakdown and broken rules), or why nothing changed.</summary>
public sealed record SplitChangeOutcome(string? Error, SplitEvaluation? Evaluation = null, SplitPlan? Plan = null)
{
    public bool Succeeded => Error is null;
}

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

internal static class SplitDrafts
{
    public static async Task<(SplitPlan? Plan, SplitAssignment? Assignment, string? Error)> FindAsync(
        TmsswDbContext db, int editionId, int version, int participantId, CancellationToken cancellationToken)
    {
        var plan = await SplitPlans.FindAsync(db, editionId, version, cancellationToken);
        if (plan is null)
        {
            return (null, null, $"There is no split version {version}.");
        }

        if (plan.IsPublished)
        {
            return (plan, null, $"Version {version} is published: save it as a new version, change that one, then publish it.");
        }

        var assignment = plan.Assignments.FirstOrDefault(a => a.ParticipantId == participantId);
        return assignment is null
            ? (plan, null, $"Participant {participantId} is not in version {version}.")
            : (plan, assignment, null);
    }

    /// <summary>A manual change keeps the solver's bound (still an upper bound: locks only shrink the choice) and makes the status Manual.</summary>
    public static SplitEvaluation Rescore(SplitPlan plan)
    {
        var evaluation = SplitPlans.Evaluate(plan);
        plan.Score = evaluation.Score;
        plan.SolverStatus = "Manual";
        return evaluation;
    }
}

/// <summary>Saves a copy of a version as a new, unpublished version (a named draft to edit by hand).</summary>
public sealed class SaveSplitVersion(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(SplitPlan? Plan, string? Error)> RunAsync(UserScope scope, int editionId, int fromVersion, string? name, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var from = await SplitPlans.FindAsync(db, editionId, fromVersion, cancellationToken);
        if (from is null)
        {
            return (null, $"There is no split version {fromVersion}.");
        }

        if (name is { Length: > 200 })
        {
            return (null, "A version name has at most 200 characters.");
        }

        var version = await SplitPlans.NextVersionAsync(db, editionId, cancellationToken);
        var copy = new SplitPlan
        {
            EditionId = editionId,
            Version = version,
            Name = string.IsNullOrWhiteSpace(name) ? $"Copy of version {fromVersion}" : name.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
            SolverStatus = from.SolverStatus,
            Score = from.Score,
            Bound = from.Bound,
            SettingsJson = from.SettingsJson,
            Assignments = [.. from.Assignments.Select(a => new SplitAssignment { ParticipantId = a.ParticipantId, CityId = a.CityId, Locked = a.Locked, Explanation = a.Explanation })],
        };
        db.SplitPlans.Add(copy);
        audit.Record(actor, "SplitSaved", nameof(SplitPlan), $"{editionId}/v{version}",
            [new("From", null, $"v{fromVersion}"), new("Name", null, copy.Name)]);
        await db.SaveChangesAsync(cancellationToken);
        return (copy, null);
    }
}
