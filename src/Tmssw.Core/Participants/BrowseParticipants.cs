using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Participants;

/// <summary>
/// The participant list page: one page of results and the choices its filters offer (the countries
/// and regions among the participants in scope, and for the edition's runners its groups).
/// </summary>
public sealed record ParticipantList(ParticipantPage Page, IReadOnlyList<Country> Countries, IReadOnlyList<string> Regions, IReadOnlyList<Group> Groups);

/// <summary>Someone browses an edition's participants within their scope: searched, filtered, sorted and paged by <see cref="SearchParticipants"/>.</summary>
public sealed class BrowseParticipants(TmsswDbContext db, SearchParticipants search)
{
    public async Task<ParticipantList> RunAsync(UserScope scope, int editionId, ParticipantFilter filter, CancellationToken cancellationToken = default)
    {
        // The filters' choices in one round trip: the (country, region) pairs in scope with how many each has
        // (an index-only scan). Their sum is the unfiltered list's total, so that list needs no count of its own.
        var inScope = scope.Participants(db).Where(p => p.EditionId == editionId);
        var pairs = await inScope.GroupBy(p => new { p.Country, p.Region })
            .Select(g => new { g.Key.Country, g.Key.Region, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var page = await search.RunAsync(scope, editionId, filter, knownTotal: pairs.Sum(p => p.Count), cancellationToken);
        var countries = pairs.Select(p => p.Country).Distinct().Select(Countries.FindByCode).OfType<Country>().OrderBy(c => c.Name).ToList();
        var regions = pairs.Select(p => p.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = scope.RunsEdition(editionId)
            ? await db.Groups.AsNoTracking().Where(g => g.EditionId == editionId).OrderBy(g => g.Name).ToListAsync(cancellationToken)
            : [];
        return new ParticipantList(page, countries, regions, groups);
    }
}
