using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Hosts;

/// <summary>Any signed-in person lists the U.S. cities phases and groups go to (reference data, not scoped), by name.</summary>
public sealed class ListCities(TmsswDbContext db)
{
    public async Task<IReadOnlyList<City>> RunAsync(CancellationToken cancellationToken = default) =>
        await db.Cities.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.State).ToListAsync(cancellationToken);
}
