using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Hosts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Hosts;

/// <summary>
/// Admin and the edition's Staff: every city of the edition's split with its host organizations and
/// this edition's offers; a Host: its own city only.
/// </summary>
[Authorize(Policy = Policies.Hosts)]
public sealed class CitiesModel(TmsswDbContext db, CurrentUser current) : EditionPage(db, current)
{
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public IReadOnlyList<HostOrganization> Hosts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var cityIds = await Db.Phases.AsNoTracking().Where(p => p.EditionId == Edition.Id && p.Kind == PhaseKind.CitySplit)
            .Select(p => p.CityIds).ToListAsync(cancellationToken);
        var ids = cityIds.SelectMany(c => c).Distinct().ToList();
        if (!Scope.RunsEdition(Edition.Id))
        {
            if (!Scope.MaySeeHosts(Edition.Id) || Scope.CityId is null)
            {
                return NotFound();
            }

            ids = ids.Where(c => c == Scope.CityId).ToList();
        }

        Cities = await Db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var editionId = Edition.Id;
        Hosts = await Db.HostOrganizations.AsNoTracking()
            .Where(h => ids.Contains(h.CityId))
            .Include(h => h.Venue)
            .Include(h => h.Offers.Where(o => o.EditionId == editionId)).ThenInclude(o => o.Windows)
            .OrderBy(h => h.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Page();
    }
}
