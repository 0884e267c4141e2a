using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>A published edition as the public reads it; <see cref="HasConferenceAgenda"/> when a conference agenda version is published.</summary>
public sealed record PublicEdition(Edition Edition, IReadOnlyDictionary<string, string> CityNames, bool HasConferenceAgenda = false);

/// <summary>Anyone, signed in or not, opens a published edition's page; an unpublished one does not exist for them.</summary>
public sealed class GetPublicEdition(TmsswDbContext db)
{
    public async Task<PublicEdition?> RunAsync(int year, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking()
            .Include(e => e.Objectives).Include(e => e.Phases).Include(e => e.Figures)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Year == year && e.IsPublished, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name + ", " + c.State, cancellationToken);
        var hasAgenda = await db.AgendaVersions.AnyAsync(v => v.EditionId == edition.Id, cancellationToken);
        return new PublicEdition(edition, cityNames, hasAgenda);
    }
}
