using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Hosts;

/// <summary>
/// Someone lists what hosts offer an edition's groups, with their host, venue and availability
/// windows, optionally of one city: the edition's runners any city, a Host only its own
/// (<see cref="UserScope.HostCity"/>). Null when refused or the city does not exist.
/// </summary>
public sealed class ListEditionOffers(TmsswDbContext db)
{
    public async Task<IReadOnlyList<MeetingOffer>?> RunAsync(UserScope scope, int editionId, string? city, CancellationToken cancellationToken = default)
    {
        if (await HostCities.ResolveAsync(db, scope, editionId, city, cancellationToken) is not { } cityId)
        {
            return null;
        }

        var offers = db.MeetingOffers.AsNoTracking()
            .Include(o => o.Host).ThenInclude(h => h!.Venue)
            .Include(o => o.Venue)
            .Include(o => o.Windows)
            .Where(o => o.EditionId == editionId);
        if (cityId.Length > 0)
        {
            offers = offers.Where(o => o.Host!.CityId == cityId);
        }

        return await offers.AsSplitQuery().OrderBy(o => o.Host!.CityId).ThenBy(o => o.Host!.Name).ThenBy(o => o.Id).ToListAsync(cancellationToken);
    }
}
