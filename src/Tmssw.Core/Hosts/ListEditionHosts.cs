using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Hosts;

/// <summary>The split cities someone may see with their host organizations, venues and this edition's offers.</summary>
public sealed record EditionHosts(IReadOnlyList<City> Cities, IReadOnlyList<HostOrganization> Hosts);

/// <summary>
/// Staff who run the edition see every split city's hosts; a Host only its own city's
/// (<see cref="UserScope.HostCity"/>); anyone else is out of scope.
/// </summary>
public sealed class ListEditionHosts(TmsswDbContext db)
{
    public async Task<EditionHosts> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default)
    {
        var (allowed, only) = scope.HostCity(editionId, null);
        if (!allowed)
        {
            throw new OutOfScopeException($"the hosts of edition #{editionId}");
        }

        var ids = await EditionCities.OfSplitAsync(db, editionId, cancellationToken);
        if (only is not null)
        {
            ids = ids.Where(c => c == only).ToList();
        }

        var cities = await db.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var hosts = await db.HostOrganizations.AsNoTracking()
            .Where(h => ids.Contains(h.CityId))
            .Include(h => h.Venue)
            .Include(h => h.Offers.Where(o => o.EditionId == editionId)).ThenInclude(o => o.Windows)
            .OrderBy(h => h.Name)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new EditionHosts(cities, hosts);
    }
}
