using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>
/// Every live API token of an account dies with a password change or a lock (not a use case of its
/// own: <see cref="ChangeOwnPassword"/> and <see cref="UpdateUserScope"/> call it before they save).
/// </summary>
public static class RevokeAccountTokens
{
    public const string PasswordChanged = "password changed";
    public const string AccountLocked = "account locked";

    /// <summary>Marks the tokens revoked and audits each; the caller saves.</summary>
    public static async Task<int> RevokeAsync(TmsswDbContext db, AuditLog audit, Actor by, string userId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = await db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in live)
        {
            token.RevokedAt = now;
            token.RevokedReason = reason;
            audit.Record(by, "TokenRevoked", "ApiToken", token.Id.ToString(CultureInfo.InvariantCulture), [new("Name", token.Name, token.Name), new("Reason", null, reason)]);
        }

        return live.Count;
    }
}
