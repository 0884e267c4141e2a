using Microsoft.AspNetCore.Identity;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>
/// Someone has just signed in (Identity checked the password): the audit log records it. There is no
/// scope yet, so this takes the e-mail the person signed in with.
/// </summary>
public sealed class RecordSignIn(UserManager<AppUser> users, TmsswDbContext db, AuditLog audit)
{
    public async Task RunAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(email);
        audit.Record(new Actor(user?.Id, email), "SignedIn", "Account", user?.Id ?? "");
        await db.SaveChangesAsync(cancellationToken);
    }
}
