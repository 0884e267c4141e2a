using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

/// <summary>One participant whose city differs between two versions (null: not in that version).</summary>
public sealed record SplitMove(int ParticipantId, string Name, string? From, string? To);

/// <summary>Two versions side by side; <see cref="CityNames"/> names the cities the moves go between.</summary>
public sealed record SplitComparison(
    SplitPlan A,
    SplitPlan B,
    SplitEvaluation EvaluationA,
    SplitEvaluation EvaluationB,
    IReadOnlyList<SplitMove> Moves,
    IReadOnlyDictionary<string, string> CityNames)
{
    /// <summary>B's score minus A's.</summary>
    public long ScoreDifference => EvaluationB.Score - EvaluationA.Score;
}

/// <summary>Who moved from where to where between two versions, and the score difference.</summary>
public sealed class CompareSplitVersions(TmsswDbContext db)
{
    public async Task<SplitComparison?> RunAsync(UserScope scope, int editionId, int a, int b, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var planA = await db.SplitPlans.AsNoTracking().Include(p => p.Assignments).FirstOrDefaultAsync(p => p.EditionId == editionId && p.Version == a, cancellationToken);
        var planB = await db.SplitPlans.AsNoTracking().Include(p => p.Assignments).FirstOrDefaultAsync(p => p.EditionId == editionId && p.Version == b, cancellationToken);
        if (planA is null || planB is null)
        {
            return null;
        }

        var cityA = planA.Assignments.ToDictionary(x => x.ParticipantId, x => x.CityId);
        var cityB = planB.Assignments.ToDictionary(x => x.ParticipantId, x => x.CityId);
        var ids = cityA.Keys.Union(cityB.Keys).Where(id => cityA.GetValueOrDefault(id) != cityB.GetValueOrDefault(id)).ToList();
        var names = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id, p => $"{p.FamilyName}, {p.GivenName}", cancellationToken);
        var moves = ids
            .Select(id => new SplitMove(id, names.GetValueOrDefault(id) ?? $"#{id}", cityA.GetValueOrDefault(id), cityB.GetValueOrDefault(id)))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        var cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new SplitComparison(planA, planB, SplitPlans.Evaluate(planA), SplitPlans.Evaluate(planB), moves, cityNames);
    }
}
