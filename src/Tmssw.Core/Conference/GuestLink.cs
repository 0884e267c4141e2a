
namespace Tmssw.Core.Conference;

/// <summary>
/// A guest's personal link (/editions/{year}/conference/guest/{token}): 256 random bits, shown once
/// to the guest; the database keeps only its SHA-256 hash, so a copy of the database opens no link.
/// </summary>
public static class GuestLink
{
    public const int MaxLength = 100;

    public static string NewToken() => SecretTokens.New();

    public static string Hash(string token) => SecretTokens.Hash(token);

    public static string Path(int year, string token) => $"/editions/{year}/conference/guest/{token}";
}
