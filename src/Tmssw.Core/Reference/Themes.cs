namespace Tmssw.Core.Reference;

/// <summary>A transnational threat the initiative covers.</summary>
public sealed record Theme(string Code, string Name);

/// <summary>The theme catalogue; codes are what every record and file stores.</summary>
public static class Themes
{
    public static readonly IReadOnlyList<Theme> All =
    [
        new("terrorism", "Terrorism"),
        new("narcotics", "Narcotics and synthetic opioids"),
        new("trafficking-in-persons", "Trafficking in persons"),
        new("border-security", "Migrant smuggling and border security"),
        new("money-laundering", "Money laundering and financial crime"),
        new("corruption", "Corruption"),
        new("cybercrime", "Cybercrime"),
        new("maritime-crime", "Maritime crime and IUU fishing"),
        new("environmental-crime", "Environmental crime"),
        new("violent-extremism", "Violent extremism"),
    ];

    /// <summary>By code or name, ignoring case.</summary>
    public static Theme? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return All.FirstOrDefault(x => string.Equals(x.Code, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(x.Name, t, StringComparison.OrdinalIgnoreCase));
    }

    public static string NameOf(string code) => Resolve(code)?.Name ?? code;
}

/// <summary>The sectors participants come from.</summary>
public static class Sectors
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("law-enforcement", "Law enforcement"),
        ("prosecution", "Prosecution"),
        ("judiciary", "Judiciary"),
        ("border-customs", "Border and customs"),
        ("financial-intelligence", "Financial intelligence"),
        ("corrections", "Corrections"),
        ("security-defense", "Security and defense"),
        ("government-policy", "Government and policy"),
    ];

    public static bool IsKnown(string code) => All.Any(s => s.Code == code);

    public static string NameOf(string code) => All.FirstOrDefault(s => s.Code == code).Name ?? code;
}
