
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

    /// <summary>What is stored and looked up for a clear token: its SHA-256, in upper-case hex (as stored since the first tokens).</summary>
    public static string HashOf(string token) => SecretTokens.Hash(token).ToUpperInvariant();
}
