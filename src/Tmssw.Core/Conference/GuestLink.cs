using System.Security.Cryptography;
using System.Text;

namespace Tmssw.Core.Conference;

/// <summary>
/// A guest's personal link (/editions/{year}/conference/guest/{token}): 256 random bits, shown once
/// to the guest; the database keeps only its SHA-256 hash, so a copy of the database opens no link.
/// </summary>
public static class GuestLink
{
    public const int MaxLength = 100;

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Path(int year, string token) => $"/editions/{year}/conference/guest/{token}";
}
