using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Hosts;

/// <summary>A city's hosts, venues and the edition's offers there, as the offers page shows them.</summary>
public sealed record CityOffers(ScheduleSource Source, IReadOnlyList<HostOrganization> Hosts, IReadOnlyList<Venue> Venues);

/// <summary>The offers of one city for an edition, for someone who may edit that city's week (runners, the city's Host).</summary>
public sealed class ListCityOffers(TmsswDbContext db, BuildScheduleInstance build)
{
    public async Task<CityOffers?> RunAsync(UserScope scope, int year, string cityId, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var (source, _) = await build.LoadAsync(year, cityId, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var hosts = await db.HostOrganizations.AsNoTracking().Where(h => h.CityId == cityId).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var venues = await db.Venues.AsNoTracking().Where(v => v.CityId == cityId).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        return new CityOffers(source, hosts, venues);
    }
}
