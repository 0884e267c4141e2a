using Microsoft.AspNetCore.Identity;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>
/// A signed-in person changes their own password: Identity checks the current one and the password
/// rules (<see cref="CoreServices.ConfigureIdentity"/>); a change is audited and revokes the person's API tokens. The caller refreshes the sign-in.
/// </summary>
public sealed class ChangeOwnPassword(UserManager<AppUser> users, TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IdentityResult> RunAsync(UserScope scope, AppUser user, string current, string next, CancellationToken cancellationToken = default)
    {
        if (user.Id != scope.UserId)
        {
            throw new OutOfScopeException($"the password of {user.Id}");
        }

        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded)
        {
            var actor = new Actor(user.Id, user.Email ?? user.Id);
            audit.Record(actor, "PasswordChanged", "Account", user.Id);

            // A token someone copied while they knew the old password dies with it.
            await RevokeAccountTokens.RevokeAsync(db, audit, actor, user.Id, RevokeAccountTokens.PasswordChanged, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }
}
