using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// Someone who does not run the edition goes to "their" city: a Host's own, an Interpreter's or a
/// Participant's group's (<see cref="UserScope.HomeCityAsync"/>); null when they have none.
/// </summary>
public sealed class FindHomeCity(TmsswDbContext db)
{
    public Task<string?> RunAsync(UserScope scope, int editionId, CancellationToken cancellationToken = default) =>
        scope.HomeCityAsync(db, editionId, cancellationToken);
}
