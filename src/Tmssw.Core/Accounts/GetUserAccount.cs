using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>A user's account as the Admin edits it: e-mail, roles and the scope as it stands (edition years, not ids).</summary>
public sealed record UserAccount(string Email, IReadOnlyList<string> Roles, UserScopeChange Scope);

/// <summary>An Admin opens a user's account to change its scope (anyone else is out of scope); null for an unknown user.</summary>
public sealed class GetUserAccount(TmsswDbContext db, TimeProvider clock)
{
    public async Task<UserAccount?> RunAsync(UserScope scope, string userId, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            throw new OutOfScopeException($"the account {userId}");
        }

        var user = await db.Users.AsNoTracking().Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(cancellationToken);
        var ids = user.EditionAssignments.Select(a => a.EditionId).ToList();
        var years = await db.Editions.Where(e => ids.Contains(e.Id)).Select(e => e.Year).OrderBy(y => y).ToListAsync(cancellationToken);
        var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new UserAccount(user.Email ?? user.Id, roles, new UserScopeChange(user.Country, user.CityId, user.GroupId, user.ParticipantId, years, locked));
    }
}
