using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>An account as the Admin's list shows it: roles, a one-line scope and whether it is locked out.</summary>
public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, string Scope, bool Locked);

/// <summary>An Admin lists every account with its roles and scope (<see cref="UserScope.IsAdmin"/> only).</summary>
public sealed class ListUsers(TmsswDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> RunAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            throw new OutOfScopeException("the list of accounts");
        }

        var users = await db.Users.AsNoTracking().Include(u => u.EditionAssignments).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var years = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Year, cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            Describe(u, years),
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    public static string Describe(AppUser u, IReadOnlyDictionary<int, int> years)
    {
        var parts = new List<string>();
        if (u.EditionAssignments.Count > 0)
        {
            parts.Add("editions " + string.Join(", ", u.EditionAssignments.Select(a => years.TryGetValue(a.EditionId, out var y) ? y : a.EditionId).Order()));
        }

        if (u.Country is not null)
        {
            parts.Add("country " + u.Country);
        }

        if (u.CityId is not null)
        {
            parts.Add("city " + u.CityId);
        }

        if (u.GroupId is not null)
        {
            parts.Add("group " + u.GroupId);
        }

        if (u.ParticipantId is not null)
        {
            parts.Add("participant " + u.ParticipantId);
        }

        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }
}
