using System.Globalization;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>
/// A person creates a personal API token for a program of theirs. Only the hash is stored; the clear
/// token is returned once, here, and can never be shown again. Audited.
/// </summary>
public sealed class CreateApiToken(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxName = 100;

    /// <summary>Creates a token for <paramref name="userId"/>, recorded in the audit as done by <paramref name="by"/>.</summary>
    public async Task<string> RunAsync(string userId, string name, Actor by, CancellationToken cancellationToken = default)
    {
        var token = "tmssw_" + SecretTokens.New();
        var entity = new ApiToken { UserId = userId, Name = name.Trim(), TokenHash = ApiToken.HashOf(token), CreatedAt = clock.GetUtcNow() };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(by, "TokenCreated", "ApiToken", entity.Id.ToString(CultureInfo.InvariantCulture), [new("Name", null, entity.Name), new("UserId", null, userId)]);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
