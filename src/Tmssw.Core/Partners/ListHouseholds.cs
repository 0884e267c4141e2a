using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Hosts;

namespace Tmssw.Core.Partners;

public sealed record HouseholdList(int Year, int EditionId, City City, IReadOnlyList<Household> Households);

/// <summary>A city's host households for an edition: the edition's runners, and the city's partner (Host) only for its city.</summary>
public sealed class ListHouseholds(TmsswDbContext db)
{
    public async Task<(HouseholdList? List, string? Error)> RunAsync(UserScope scope, int year, string cityId, CancellationToken ct = default)
    {
        if (await PartnerEditions.IdAsync(db, year, ct) is not { } editionId)
        {
            return (null, $"No edition {year}.");
        }

        var id = cityId.Trim().ToLowerInvariant();
        if (!scope.MaySeePartnerWork(editionId, id))
        {
            throw new OutOfScopeException($"the households of {cityId}");
        }

        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (city is null)
        {
            return (null, $"No city '{cityId}'.");
        }

        var homes = await db.Households.AsNoTracking().Where(h => h.EditionId == editionId && h.CityId == id).OrderBy(h => h.Name).ThenBy(h => h.Id).ToListAsync(ct);
        return (new HouseholdList(year, editionId, city, homes), null);
    }
}
