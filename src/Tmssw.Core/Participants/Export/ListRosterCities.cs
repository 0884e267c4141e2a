using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Participants.Export;

/// <summary>
/// Someone who sees rosters opens the export page: the edition's split cities to choose from
/// (<see cref="UserScope.RosterFilter"/> later holds a Host to its own).
/// </summary>
public sealed class ListRosterCities(TmsswDbContext db)
{
    public async Task<IReadOnlyList<string>> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default)
    {
        if (!scope.SeesRosters)
        {
            throw new OutOfScopeException($"the rosters of edition #{editionId}");
        }

        return (await EditionCities.OfSplitAsync(db, editionId, cancellationToken)).Order().ToList();
    }
}
