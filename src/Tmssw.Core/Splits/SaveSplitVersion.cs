using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

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
