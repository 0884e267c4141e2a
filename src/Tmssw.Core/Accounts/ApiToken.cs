
namespace Tmssw.Core.Accounts;

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it was revoked: by its owner or an Admin, a password change, an account lock.</summary>
    public string? RevokedReason { get; set; }

    /// <summary>When it stops working, chosen at creation. Tokens made before expiry existed have none: see <see cref="Expiry"/>.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public const int DefaultDays = 90;
    public const int MaxDays = 365;

    /// <summary>When the token stops working: its expiry, or for the tokens made before expiry existed, 90 days after creation.</summary>
    public DateTimeOffset Expiry => ExpiresAt ?? CreatedAt.AddDays(DefaultDays);

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && Expiry > now;

    /// <summary>What is stored and looked up for a clear token: its SHA-256, in upper-case hex (as stored since the first tokens).</summary>
    public static string HashOf(string token) => SecretTokens.Hash(token).ToUpperInvariant();
}
