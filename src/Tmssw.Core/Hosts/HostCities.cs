using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Hosts;

/// <summary>The city a list of an edition's hosts or offers covers, as <see cref="UserScope.HostCity"/> allows it.</summary>
internal static class HostCities
{
    /// <summary>
    /// Null when refused (a Host naming another city, a role without hosts) or when the named city
    /// does not exist; otherwise the city to list, or "" for every city.
    /// </summary>
    public static async Task<string?> ResolveAsync(TmsswDbContext db, UserScope scope, int editionId, string? requested, CancellationToken cancellationToken)
    {
        var (allowed, cityId) = scope.HostCity(editionId, requested);
        if (!allowed)
        {
            return null;
        }

        if (cityId is not null && !await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
        {
            return null;
        }

        return cityId ?? "";
    }
}
