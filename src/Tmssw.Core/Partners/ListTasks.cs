using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Partners;

/// <summary>Where a task stands on its city's today.</summary>
public enum TaskStatus
{
    Overdue,
    DueThisWeek,
    Upcoming,
    Done,
}

public sealed record TaskView(
    int Id,
    string CityId,
    string CityName,
    string GroupName,
    string Title,
    TaskAnchor Anchor,
    DateOnly AnchorDate,
    int OffsetDays,
    DateOnly Due,
    TaskOwner Owner,
    string? AssigneeName,
    TaskStatus Status,
    DateTimeOffset? DoneAt,
    string? DoneBy);

/// <summary>The tasks, overdue first, then due this week, then later ones, then done; and the city the list is held to.</summary>
public sealed record TaskList(int Year, string? CityId, IReadOnlyList<TaskView> Tasks)
{
    public IEnumerable<TaskView> Overdue => Tasks.Where(t => t.Status == TaskStatus.Overdue);

    public IEnumerable<TaskView> DueThisWeek => Tasks.Where(t => t.Status == TaskStatus.DueThisWeek);

    public IEnumerable<TaskView> Upcoming => Tasks.Where(t => t.Status == TaskStatus.Upcoming);

    public IEnumerable<TaskView> Done => Tasks.Where(t => t.Status == TaskStatus.Done);
}

/// <summary>
/// The countdown for a partner (its city) or a staff member (every city, or one; optionally only the
/// staff's own steps). A task is due by the end of its due day in its city's zone: overdue once that
/// day is over there; "due this week" when due within the city's next seven days (today included).
/// </summary>
public sealed class ListTasks(TmsswDbContext db, TimeProvider clock)
{
    public const int WeekDays = 7;

    public async Task<(TaskList? List, string? Error)> RunAsync(UserScope scope, int year, string? cityId = null, TaskOwner? owner = null, CancellationToken ct = default)
    {
        if (await PartnerEditions.IdAsync(db, year, ct) is not { } editionId)
        {
            return (null, $"No edition {year}.");
        }

        var (allowed, city) = scope.PartnerCity(editionId, cityId);
        if (!allowed)
        {
            throw new OutOfScopeException($"the {year} tasks");
        }

        if (city is not null && !await db.Cities.AnyAsync(c => c.Id == city, ct))
        {
            return (null, $"No city '{city}'.");
        }

        var query = db.PartnerTasks.AsNoTracking().Where(t => t.EditionId == editionId);
        if (city is not null)
        {
            query = query.Where(t => t.CityId == city);
        }

        if (owner is { } o)
        {
            query = query.Where(t => t.Owner == o);
        }

        var tasks = await query.ToListAsync(ct);
        var cityIds = tasks.Select(t => t.CityId).Distinct().ToList();
        var cities = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var groupIds = tasks.Select(t => t.GroupId).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var now = clock.GetUtcNow();
        var today = cities.ToDictionary(c => c.Key, c => DateOnly.FromDateTime(CityTime.ToLocal(now, CityTime.Zone(c.Value))));

        var views = tasks.Select(t => new TaskView(
                t.Id, t.CityId, cities[t.CityId].DisplayName, groups.GetValueOrDefault(t.GroupId, ""), t.Title, t.Anchor, t.AnchorDate,
                t.OffsetDays, t.Due, t.Owner, t.AssigneeName, StatusOf(t, today[t.CityId]), t.DoneAt, t.DoneBy))
            .OrderBy(v => v.Status)
            .ThenBy(v => v.Status == TaskStatus.Done ? DateOnly.MaxValue.DayNumber - v.Due.DayNumber : v.Due.DayNumber)
            .ThenBy(v => v.CityId, StringComparer.Ordinal)
            .ThenBy(v => v.Id)
            .ToList();
        return (new TaskList(year, city, views), null);
    }

    public static TaskStatus StatusOf(PartnerTask task, DateOnly today) =>
        task.IsDone ? TaskStatus.Done
        : task.Due < today ? TaskStatus.Overdue
        : task.Due.DayNumber - today.DayNumber < WeekDays ? TaskStatus.DueThisWeek
        : TaskStatus.Upcoming;
}
