using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>
/// A person revokes one of their API tokens (an Admin: anyone's); programs using it are refused from
/// then on. Someone else's token, an unknown one and one already revoked all answer false. Audited.
/// </summary>
public sealed class RevokeApiToken(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> RunAsync(UserScope by, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.RevokedAt == null, cancellationToken);
        if (token is null || !by.MayManageToken(token.UserId))
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow();
        token.RevokedReason = token.UserId == by.UserId ? "revoked by its owner" : "revoked by an administrator";
        audit.Record(by.Actor, "TokenRevoked", "ApiToken", token.Id.ToString(CultureInfo.InvariantCulture), [new("Name", token.Name, token.Name)]);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
