using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Splits;

/// <summary>The groups someone sees on the groups page and the members of each they may see.</summary>
public sealed record GroupRosters(IReadOnlyList<Group> Groups, IReadOnlyList<Participant> Members);

/// <summary>
/// Someone opens an edition's group rosters: runners every group, a Host its city's, an Interpreter
/// theirs (<see cref="UserScope.GroupRosters"/>); null for anyone else.
/// </summary>
public sealed class GetGroupRosters(TmsswDbContext db)
{
    public async Task<GroupRosters?> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default)
    {
        if (scope.GroupRosters(db, editionId) is not { } visible)
        {
            return null;
        }

        var groups = await visible.OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var ids = groups.Select(g => (int?)g.Id).ToList();
        var members = await scope.Participants(db).AsNoTracking()
            .Where(p => p.EditionId == editionId && ids.Contains(p.GroupId))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken);
        return new GroupRosters(groups, members);
    }
}
