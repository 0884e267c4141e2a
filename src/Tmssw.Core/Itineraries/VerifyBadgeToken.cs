using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// What the conference check-in calls with a scanned badge: the claim when the token was issued by
/// this application (<see cref="IssueBadgeToken"/>) and not changed since, otherwise null.
/// </summary>
public sealed class VerifyBadgeToken(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector(IssueBadgeToken.Purpose);

    public BadgeClaim? Verify(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        string payload;
        try
        {
            payload = protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || parts[0] != IssueBadgeToken.Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        return new BadgeClaim(year, parts[2], id);
    }
}
