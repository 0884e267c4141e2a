using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>An edition with its counted participants and countries and the figures others published.</summary>
public sealed record EditionWithSummary(Edition Edition, EditionSummary Summary);

/// <summary>
/// Anyone, signed in or not (<paramref name="scope"/> null), lists the editions they may read
/// (<see cref="UserScope.MayRead"/>: published ones, and drafts for those who run them), oldest first.
/// </summary>
public sealed class ListReadableEditions(TmsswDbContext db, ListEditionSummaries summaries)
{
    public async Task<IReadOnlyList<EditionWithSummary>> RunAsync(UserScope? scope, CancellationToken cancellationToken = default)
    {
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Year).ToListAsync(cancellationToken);
        var figures = (await summaries.RunAsync(cancellationToken)).ToDictionary(s => s.Year);
        return editions.Where(e => UserScope.MayRead(scope, e)).Select(e => new EditionWithSummary(e, figures[e.Year])).ToList();
    }
}
