using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Tmssw.Core.Itineraries;

/// <summary>Who a badge says its bearer is: the edition, the person's record and their role.</summary>
public sealed record BadgeClaim(int EditionYear, string Role, int PersonId);

/// <summary>
/// Issues the token a badge's QR code carries: the claim sealed with ASP.NET Core Data Protection
/// (AES-256 and HMAC-SHA256, keys in the app's key store in the database, shared by every instance
/// and the CLI). A fresh random IV makes every token unguessable; changing any character breaks the
/// HMAC, so <see cref="VerifyBadgeToken"/> refuses it.
/// </summary>
public sealed class IssueBadgeToken(IDataProtectionProvider provider)
{
    internal const string Purpose = "Tmssw.Itineraries.Badge.v1";
    internal const string Prefix = "tmssw-badge";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Issue(BadgeClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var payload = string.Join('|', Prefix, claim.EditionYear.ToString(CultureInfo.InvariantCulture), claim.Role, claim.PersonId.ToString(CultureInfo.InvariantCulture));
        return protector.Protect(payload);
    }
}
