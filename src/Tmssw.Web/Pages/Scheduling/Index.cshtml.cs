using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Hosts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Scheduling;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Scheduling;

/// <summary>
/// /manage/{year}/schedule. Admin and the edition's Staff: every split city's week with its meetings
/// and whether it is published. A Host goes straight to its own city's week; an Interpreter or a
/// Participant to their group's. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(TmsswDbContext db, CurrentUser current) : EditionPage(db, current)
{
    public sealed record CityRow(City City, int Meetings, int Confirmed, DateTimeOffset? PublishedAt);

    public IReadOnlyList<CityRow> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Scope.RunsEdition(Edition.Id))
        {
            if (await Scope.HomeCityAsync(Db, Edition.Id, cancellationToken) is { } city)
            {
                return Redirect($"/manage/{year}/schedule/{city}");
            }

            return NotFound();
        }

        var cityIds = await Db.Phases.AsNoTracking()
            .Where(p => p.EditionId == Edition.Id && p.Kind == PhaseKind.CitySplit)
            .Select(p => p.CityIds)
            .ToListAsync(cancellationToken);
        var ids = cityIds.SelectMany(c => c).Distinct().ToList();
        var cities = await Db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var groups = await Db.Groups.AsNoTracking().Where(g => g.EditionId == Edition.Id).ToListAsync(cancellationToken);
        var meetings = await Db.Meetings.AsNoTracking().Where(m => m.EditionId == Edition.Id && m.Status != MeetingStatus.Declined)
            .GroupBy(m => m.GroupId)
            .Select(g => new { GroupId = g.Key, Count = g.Count(), Confirmed = g.Count(m => m.Status == MeetingStatus.Confirmed || m.Status == MeetingStatus.Thanked) })
            .ToDictionaryAsync(x => x.GroupId, cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var published = await Db.SchedulePublications.AsNoTracking().Where(p => groupIds.Contains(p.GroupId))
            .ToDictionaryAsync(p => p.GroupId, p => p.PublishedAt, cancellationToken);
        Cities = [.. cities.Select(c =>
        {
            var g = groups.FirstOrDefault(x => x.CityId == c.Id);
            var m = g is null ? null : meetings.GetValueOrDefault(g.Id);
            return new CityRow(c, m?.Count ?? 0, m?.Confirmed ?? 0, g is not null && published.TryGetValue(g.Id, out var at) ? at : null);
        })];
        return Page();
    }
}
