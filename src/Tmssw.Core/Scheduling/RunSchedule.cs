using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>How long to search and where to report progress.</summary>
public sealed record ScheduleRunSettings
{
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);
    public Action<P.ScheduleProgress>? Progress { get; init; }
    public CancellationToken SolverCancellation { get; init; }

    /// <summary>0: the planner's default.</summary>
    public int Workers { get; init; }
}

/// <summary>
/// What a run did. <see cref="Error"/> when nothing could be built; otherwise the planner's result,
/// and when it found a schedule: how many meetings were saved, kept as they were, moved (an
/// unlocked planned meeting now at another time, or dropped) and added (an offer that had none).
/// </summary>
public sealed record ScheduleRunOutcome(string? Error, P.ScheduleResult? Result = null, int Saved = 0, int Kept = 0, int Moved = 0, int Added = 0)
{
    public bool Succeeded => Error is null && Result is { Status: PlanningStatus.Optimal or PlanningStatus.Feasible };

    public string Describe() => Error ?? (Succeeded
        ? $"{Result!.Status}: score {Result.Score} (bound {Result.Bound}); {Saved} meetings saved, {Kept} kept as they were, {Moved} moved, {Added} added."
        : $"{Result!.Status}: no schedule saved. " + string.Join(" ", Result.Unscheduled.Select(u => $"{u.Offer}: {u.Reason}.")));
}

/// <summary>
/// Solves a city group's week and saves it: the group's unlocked Planned meetings are replaced by
/// the result; locked, requested, confirmed, declined and thanked meetings stay. Audited.
/// </summary>
public sealed class RunSchedule(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit)
{
    public async Task<ScheduleRunOutcome> RunAsync(int year, string cityId, UserScope scope, ScheduleRunSettings? settings = null, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var (built, error) = await build.RunAsync(year, cityId, cancellationToken);
        if (built is null)
        {
            return new ScheduleRunOutcome(error);
        }

        return await SolveAndSaveAsync(built, actor, settings ?? new(), previous: null, changeWeight: 1, "ScheduleRun", cancellationToken);
    }

    internal async Task<ScheduleRunOutcome> SolveAndSaveAsync(
        BuiltSchedule built,
        Actor actor,
        ScheduleRunSettings settings,
        IReadOnlyDictionary<string, DateTimeOffset>? previous,
        int changeWeight,
        string action,
        CancellationToken cancellationToken)
    {
        var result = SolverMetrics.Measure("schedule", () => P.MeetingScheduler.Solve(built.Solve, new P.ScheduleOptions
        {
            TimeLimit = settings.TimeLimit,
            Progress = settings.Progress,
            CancellationToken = settings.SolverCancellation,
            Workers = settings.Workers,
            PreviousSchedule = previous,
            ChangeWeight = changeWeight,
        }), r => r.Status);
        var groupId = built.Source.Group.Id;
        if (result.Status is not (PlanningStatus.Optimal or PlanningStatus.Feasible))
        {
            audit.Record(actor, action, "Group", groupId.ToString(CultureInfo.InvariantCulture),
                [new FieldChange("status", null, result.Status.ToString())]);
            await db.SaveChangesAsync(cancellationToken);
            return new ScheduleRunOutcome(null, result);
        }

        var zone = built.Source.Zone;
        var existing = await db.Meetings.Where(m => m.GroupId == groupId).ToListAsync(cancellationToken);
        var replaced = existing.Where(m => m.Status == MeetingStatus.Planned && !m.Locked).ToList();
        var keptOffers = existing.Where(ScheduleSource.IsKept).Select(m => m.MeetingOfferId).ToHashSet();
        var oldStarts = replaced.GroupBy(m => m.MeetingOfferId).ToDictionary(g => g.Key, g => g.First().Start);
        db.Meetings.RemoveRange(replaced);

        int moved = 0, added = 0, saved = 0;
        var newStarts = new Dictionary<int, DateTime>();
        foreach (var m in result.Meetings)
        {
            var offerId = ScheduleRules.OfferIdOf(m.Offer);
            if (keptOffers.Contains(offerId))
            {
                continue;
            }

            var start = CityTime.ToLocal(m.Start, zone);
            newStarts[offerId] = start;
            db.Meetings.Add(new Meeting
            {
                EditionId = built.Source.Edition.Id,
                GroupId = groupId,
                MeetingOfferId = offerId,
                Start = start,
                End = CityTime.ToLocal(m.End, zone),
                Status = MeetingStatus.Planned,
            });
            saved++;
            if (!oldStarts.ContainsKey(offerId))
            {
                added++;
            }
        }

        foreach (var (offerId, start) in oldStarts)
        {
            if (!newStarts.TryGetValue(offerId, out var now) || now != start)
            {
                moved++;
            }
        }

        audit.Record(actor, action, "Group", groupId.ToString(CultureInfo.InvariantCulture),
        [
            new FieldChange("status", null, result.Status.ToString()),
            new FieldChange("score", null, result.Score.ToString(CultureInfo.InvariantCulture)),
            new FieldChange("meetings", replaced.Count.ToString(CultureInfo.InvariantCulture), saved.ToString(CultureInfo.InvariantCulture)),
            new FieldChange("moved", null, moved.ToString(CultureInfo.InvariantCulture)),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return new ScheduleRunOutcome(null, result, saved, keptOffers.Count, moved, added);
    }
}
