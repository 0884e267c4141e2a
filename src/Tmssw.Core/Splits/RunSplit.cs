using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

public sealed record RunSplitOptions
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    public IProgress<SplitProgress>? Progress { get; init; }

    /// <summary>The version whose locks carry over; default the latest version.</summary>
    public int? LocksFromVersion { get; init; }

    public string? Name { get; init; }
}

/// <summary>The saved version (null when the planner found no plan: then <see cref="Result"/> says why).</summary>
public sealed record SplitRunOutcome(SplitPlan? Plan, SplitResult Result, SplitInstanceBuild Build)
{
    public bool Saved => Plan is not null;
}

/// <summary>
/// Solves an edition's split (with progress) and saves the plan as a new version: status, score,
/// bound, assignments with explanations, the instance it was made from; audited.
/// </summary>
public sealed class RunSplit(TmsswDbContext db, BuildSplitInstance build, AuditLog audit, TimeProvider clock)
{
    public async Task<SplitRunOutcome> RunAsync(UserScope scope, int editionId, RunSplitOptions? options = null, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        options ??= new RunSplitOptions();
        var plans = db.SplitPlans.AsNoTracking().Include(p => p.Assignments).Where(p => p.EditionId == editionId);
        var lockSource = options.LocksFromVersion is { } v
            ? await plans.FirstOrDefaultAsync(p => p.Version == v, cancellationToken)
            : await plans.OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        var input = await build.RunAsync(editionId, lockSource, cancellationToken);
        var errors = input.Instance.Validate();
        if (errors.Count > 0)
        {
            var invalid = new SplitResult(PlanningStatus.Infeasible, null, null, new Dictionary<string, string>(), null,
                new Dictionary<string, string>(), [.. errors.Select(e => e.ToString())], 0);
            return new SplitRunOutcome(null, invalid, input);
        }

        var result = await Task.Run(
            () => SolverMetrics.Measure("split", () => SplitPlanner.Solve(input.Instance, new SplitOptions
            {
                TimeLimit = options.TimeLimit,
                Progress = options.Progress,
                CancellationToken = cancellationToken,
            }), r => r.Status),
            CancellationToken.None);
        if (result.Assignment.Count == 0)
        {
            return new SplitRunOutcome(null, result, input);
        }

        var plan = await SaveAsync(actor, editionId, input.Instance, result, options.Name, cancellationToken);
        return new SplitRunOutcome(plan, result, input);
    }

    internal async Task<SplitPlan> SaveAsync(Actor actor, int editionId, SplitInstance instance, SplitResult result, string? name, CancellationToken cancellationToken)
    {
        var version = await SplitPlans.NextVersionAsync(db, editionId, cancellationToken);
        var locked = instance.Rules.Locked;
        var plan = new SplitPlan
        {
            EditionId = editionId,
            Version = version,
            Name = string.IsNullOrWhiteSpace(name) ? $"Planner run {version}" : name.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
            SolverStatus = result.Status.ToString(),
            Score = result.Score,
            Bound = result.Bound,
            SettingsJson = SplitJson.WriteInstance(instance with { Rules = instance.Rules with { Locked = new Dictionary<string, string>() } }),
            Assignments = [.. result.Assignment.OrderBy(a => BuildSplitInstance.ParticipantId(a.Key)).Select(a => new SplitAssignment
            {
                ParticipantId = BuildSplitInstance.ParticipantId(a.Key),
                CityId = a.Value,
                Locked = locked.ContainsKey(a.Key),
                Explanation = result.Explanations.TryGetValue(a.Key, out var why) ? Truncate(why) : null,
            })],
        };
        db.SplitPlans.Add(plan);
        audit.Record(actor, "SplitRun", nameof(SplitPlan), $"{editionId}/v{version}",
        [
            new("Status", null, plan.SolverStatus),
            new("Score", null, plan.Score?.ToString(CultureInfo.InvariantCulture)),
            new("Bound", null, plan.Bound?.ToString(CultureInfo.InvariantCulture)),
            new("Seconds", null, result.Seconds.ToString("0.00", CultureInfo.InvariantCulture)),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    private static string Truncate(string s) => s.Length <= 1000 ? s : s[..1000];
}
