using System.Globalization;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>A new token: the clear value (shown once) and when it stops working.</summary>
public sealed record NewApiToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// A person creates a personal API token for a program of theirs. Only the hash is stored; the clear
/// token is returned once, here, and can never be shown again. It expires after the days chosen
/// (<see cref="ApiToken.DefaultDays"/> by default, at most <see cref="ApiToken.MaxDays"/>). Audited.
/// </summary>
public sealed class CreateApiToken(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxName = 100;

    /// <summary>Why <paramref name="days"/> cannot be a token's lifetime, or null.</summary>
    public static string? CheckDays(int days) =>
        days is < 1 or > ApiToken.MaxDays ? $"A token lives between 1 and {ApiToken.MaxDays} days; {days} is outside." : null;

    /// <summary>Creates a token for <paramref name="userId"/>, recorded in the audit as done by <paramref name="by"/>.</summary>
    public async Task<NewApiToken> RunAsync(string userId, string name, Actor by, int days = ApiToken.DefaultDays, CancellationToken cancellationToken = default)
    {
        if (CheckDays(days) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(days), problem);
        }

        var token = "tmssw_" + SecretTokens.New();
        var now = clock.GetUtcNow();
        var entity = new ApiToken { UserId = userId, Name = name.Trim(), TokenHash = ApiToken.HashOf(token), CreatedAt = now, ExpiresAt = now.AddDays(days) };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(by, "TokenCreated", "ApiToken", entity.Id.ToString(CultureInfo.InvariantCulture),
            [new("Name", null, entity.Name), new("UserId", null, userId), new("ExpiresAt", null, entity.ExpiresAt.Value.ToString("u", CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(cancellationToken);
        return new NewApiToken(token, entity.ExpiresAt.Value);
    }
}
