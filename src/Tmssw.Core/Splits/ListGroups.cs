using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Splits;

/// <summary>A group and how many of its members the caller may see.</summary>
public sealed record GroupCount(Group Group, int Participants);

/// <summary>
/// Someone lists an edition's groups through the API: the groups of <see cref="UserScope.Groups"/>,
/// each counting only the members within the caller's scope.
/// </summary>
public sealed class ListGroups(TmsswDbContext db)
{
    public async Task<IReadOnlyList<GroupCount>> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default)
    {
        var visible = scope.Participants(db).Where(p => p.EditionId == editionId);
        var rows = await scope.Groups(db, editionId).OrderBy(g => g.Name)
            .Select(g => new { Group = g, Count = visible.Count(p => p.GroupId == g.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new GroupCount(r.Group, r.Count)).ToList();
    }
}
