using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>
/// Opens an edition by year for a signed-in person: null when it does not exist or the person does
/// not reach it (<see cref="UserScope.ReachesEdition"/>), so callers answer both with the same 404.
/// The pages' base class and the API's edition route group call it once per request.
/// </summary>
public sealed class FindEdition(TmsswDbContext db)
{
    public async Task<Edition?> RunAsync(UserScope scope, int year, bool requireRunning = false, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (edition is null || !scope.ReachesEdition(edition.Id) || (requireRunning && !scope.RunsEdition(edition.Id)))
        {
            return null;
        }

        return edition;
    }
}
