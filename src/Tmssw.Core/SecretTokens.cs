using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Tmssw.Core;

/// <summary>
/// The one way secrets handed to a person are made and kept (API tokens, calendar feed links, guests'
/// personal links): 256 random bits, URL-safe; the database keeps only the SHA-256 of the token, so a copy
/// of the database opens nothing.
/// </summary>
public static class SecretTokens
{
    /// <summary>A new token: 32 random bytes in unpadded base64url (43 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored and looked up for a token: its SHA-256 in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
