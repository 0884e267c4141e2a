using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;

namespace Tmssw.Core.Scheduling;

/// <summary>One split city's week as the overview lists it: its meetings, how many are confirmed, when it was published.</summary>
public sealed record ScheduleOverviewRow(City City, int Meetings, int Confirmed, DateTimeOffset? PublishedAt);

/// <summary>Staff who run the edition see every split city's week with its meetings and whether it is published.</summary>
public sealed class GetScheduleOverview(TmsswDbContext db)
{
    public async Task<IReadOnlyList<ScheduleOverviewRow>> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var ids = await EditionCities.OfSplitAsync(db, editionId, cancellationToken);
        var cities = await db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == editionId).ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.EditionId == editionId && m.Status != MeetingStatus.Declined)
            .GroupBy(m => m.GroupId)
            .Select(g => new { GroupId = g.Key, Count = g.Count(), Confirmed = g.Count(m => m.Status == MeetingStatus.Confirmed || m.Status == MeetingStatus.Thanked) })
            .ToDictionaryAsync(x => x.GroupId, cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var published = await db.SchedulePublications.AsNoTracking().Where(p => groupIds.Contains(p.GroupId))
            .ToDictionaryAsync(p => p.GroupId, p => p.PublishedAt, cancellationToken);
        return [.. cities.Select(c =>
        {
            var g = groups.FirstOrDefault(x => x.CityId == c.Id);
            var m = g is null ? null : meetings.GetValueOrDefault(g.Id);
            return new ScheduleOverviewRow(c, m?.Count ?? 0, m?.Confirmed ?? 0, g is not null && published.TryGetValue(g.Id, out var at) ? at : null);
        })];
    }
}
