using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Alumni;

/// <summary>The knowledge exchange's limits, names and the agency comparison the AMBER+STRICT label uses.</summary>
public static class AlumniRules
{
    public const int TitleMax = 200;
    public const int BodyMax = 20_000;
    public const int ReasonMax = 1000;
    public const int RecipientsMax = 50;
    public const int DirectoryMax = 500;

    /// <summary>How long an invitation link stays valid.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    /// <summary>An agency as compared between alumni: trimmed, spaces collapsed, case folded, NFC.</summary>
    public static string AgencyKey(string? agency)
    {
        if (string.IsNullOrWhiteSpace(agency))
        {
            return "";
        }

        var collapsed = string.Join(' ', agency.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var key = collapsed.ToLower(CultureInfo.InvariantCulture);
        return key.Length > 200 ? key[..200] : key;
    }

    /// <summary>The UN M49 regions alumni may come from (what <see cref="Participants.Participant.Region"/> holds).</summary>
    public static IReadOnlyList<string> Regions { get; } =
        Countries.All.Select(c => c.WorldRegion).Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The label as TLP 2.0 writes it.</summary>
    public static string Label(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "TLP:CLEAR",
        Tlp.Green => "TLP:GREEN",
        Tlp.Amber => "TLP:AMBER",
        Tlp.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:RED",
    };

    /// <summary>Who may read a post with this label, in one sentence.</summary>
    public static string Audience(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "Public: anyone, signed in or not.",
        Tlp.Green => "All alumni and program staff.",
        Tlp.Amber => "Alumni of the theme or region the author named.",
        Tlp.AmberStrict => "Alumni from the author's own agency.",
        _ => "Named recipients only.",
    };

    /// <summary>Reads a label as people write it: CLEAR, GREEN, AMBER, AMBER+STRICT (or AmberStrict), RED, with or without "TLP:".</summary>
    public static Tlp? ParseLabel(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant().Replace("TLP:", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return t switch
        {
            "CLEAR" or "WHITE" => Tlp.Clear,
            "GREEN" => Tlp.Green,
            "AMBER" => Tlp.Amber,
            "AMBER+STRICT" or "AMBERSTRICT" or "AMBER_STRICT" => Tlp.AmberStrict,
            "RED" => Tlp.Red,
            _ => null,
        };
    }
}

/// <summary>Encrypts the exchange's titles and bodies at rest (Data Protection; keys in the database).</summary>
public sealed class AlumniSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Tmssw.Alumni.Exchange.v1");

    public string Protect(string text) => protector.Protect(text);

    /// <summary>
    /// Makes sure the key ring has a key before a caller opens a transaction: creating the first key writes it
    /// through another DbContext, which on SQLite would wait for the caller's own write lock.
    /// </summary>
    public void EnsureKey() => protector.Protect("");

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}
