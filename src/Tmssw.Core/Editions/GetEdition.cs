using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>
/// Anyone, signed in or not (<paramref name="scope"/> null), reads one edition with its objectives,
/// phases and figures; null when it does not exist or they may not read it (<see cref="UserScope.MayRead"/>).
/// </summary>
public sealed class GetEdition(TmsswDbContext db, ListEditionSummaries summaries)
{
    public async Task<EditionWithSummary?> RunAsync(UserScope? scope, int year, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking()
            .Include(x => x.Objectives)
            .Include(x => x.Phases)
            .FirstOrDefaultAsync(x => x.Year == year, cancellationToken);
        if (edition is null || !UserScope.MayRead(scope, edition))
        {
            return null;
        }

        var summary = (await summaries.RunAsync(cancellationToken)).First(x => x.Year == year);
        return new EditionWithSummary(edition, summary);
    }
}
