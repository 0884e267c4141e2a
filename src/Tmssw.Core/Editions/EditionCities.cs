using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>The cities an edition's cohort splits into, read from its city-split phases.</summary>
public static class EditionCities
{
    public static async Task<List<string>> OfSplitAsync(TmsswDbContext db, int editionId, CancellationToken cancellationToken = default)
    {
        var cityIds = await db.Phases.AsNoTracking()
            .Where(p => p.EditionId == editionId && p.Kind == PhaseKind.CitySplit)
            .Select(p => p.CityIds)
            .ToListAsync(cancellationToken);
        return cityIds.SelectMany(c => c).Distinct().ToList();
    }
}
