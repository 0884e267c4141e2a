using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Hosts;

/// <summary>A host organization of an edition, with its venue and how many offers it made to the edition.</summary>
public sealed record HostOrganizationRow(int Id, string Code, string CityId, string Name, HostKind Kind, Venue? Venue, int Offers);

/// <summary>
/// Someone lists an edition's host organizations (those in its phases' cities or with an offer to it),
/// optionally of one city: the edition's runners any city, a Host only its own
/// (<see cref="UserScope.HostCity"/>). Null when refused or the city does not exist.
/// </summary>
public sealed class ListHostOrganizations(TmsswDbContext db)
{
    public async Task<IReadOnlyList<HostOrganizationRow>?> RunAsync(UserScope scope, int editionId, string? city, CancellationToken cancellationToken = default)
    {
        if (await HostCities.ResolveAsync(db, scope, editionId, city, cancellationToken) is not { } cityId)
        {
            return null;
        }

        var phaseCities = (await db.Phases.AsNoTracking().Where(p => p.EditionId == editionId).Select(p => p.CityIds).ToListAsync(cancellationToken))
            .SelectMany(c => c).Distinct().ToList();
        var hosts = db.HostOrganizations.AsNoTracking()
            .Where(h => phaseCities.Contains(h.CityId) || h.Offers.Any(o => o.EditionId == editionId));
        if (cityId.Length > 0)
        {
            hosts = hosts.Where(h => h.CityId == cityId);
        }

        return await hosts.OrderBy(h => h.CityId).ThenBy(h => h.Name)
            .Select(h => new HostOrganizationRow(h.Id, h.Code, h.CityId, h.Name, h.Kind, h.Venue, h.Offers.Count(o => o.EditionId == editionId)))
            .ToListAsync(cancellationToken);
    }
}
