using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;
using Participant = Tmssw.Core.Participants.Participant;

namespace Tmssw.Core.Splits;

/// <summary>
/// Everything the split page shows for one version: the versions list, the plan with its instance,
/// the scorer's evaluation and each group's score, the people placed and the whole cohort.
/// </summary>
public sealed record SplitBoard(
    bool SettingsStored,
    IReadOnlyList<SplitPlan> Versions,
    SplitPlan? Plan,
    SplitInstance? Instance,
    SplitEvaluation? Evaluation,
    IReadOnlyDictionary<string, long> GroupScores,
    IReadOnlyDictionary<int, Participant> People,
    IReadOnlyList<Participant> Cohort,
    IReadOnlyDictionary<string, string> CityNames);

/// <summary>Staff who run the edition open the split board at a version (the newest when none is named).</summary>
public sealed class GetSplitBoard(TmsswDbContext db, SplitSettingsStore settingsStore)
{
    /// <summary>The board, or null when <paramref name="version"/> names a version the edition does not have.</summary>
    public async Task<SplitBoard?> RunAsync(UserScope scope, int editionId, int? version, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var settingsStored = await settingsStore.IsStoredAsync(editionId, cancellationToken);
        var cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var versions = await db.SplitPlans.AsNoTracking().Where(p => p.EditionId == editionId).OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        var shown = version ?? (versions.Count > 0 ? versions[0].Version : null);
        SplitPlan? plan = null;
        if (shown is not null)
        {
            plan = await db.SplitPlans.AsNoTracking().Include(p => p.Assignments)
                .FirstOrDefaultAsync(p => p.EditionId == editionId && p.Version == shown, cancellationToken);
            if (plan is null && version is not null)
            {
                return null;
            }
        }

        var cohort = await SplitCohort.Query(db, editionId).AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ToListAsync(cancellationToken);
        if (plan is null)
        {
            return new SplitBoard(settingsStored, versions, null, null, null, new Dictionary<string, long>(), new Dictionary<int, Participant>(), cohort, cityNames);
        }

        var instance = SplitPlans.InstanceOf(plan);
        var assignment = SplitPlans.AssignmentOf(plan);
        var ids = plan.Assignments.Select(a => a.ParticipantId).ToList();
        var people = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return new SplitBoard(
            settingsStored, versions, plan, instance, SplitScorer.Evaluate(instance, assignment),
            SplitPlans.GroupScores(instance, assignment), people, cohort, cityNames);
    }
}
