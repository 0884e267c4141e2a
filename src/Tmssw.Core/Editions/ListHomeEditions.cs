using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Editions;

/// <summary>A signed-in person opens the start page: the editions their role and scope reach (<see cref="UserScope.HomeEditions"/>), newest first.</summary>
public sealed class ListHomeEditions(TmsswDbContext db)
{
    public async Task<IReadOnlyList<Edition>> RunAsync(UserScope scope, CancellationToken cancellationToken = default) =>
        await scope.HomeEditions(db).OrderByDescending(e => e.Year).ToListAsync(cancellationToken);
}
