using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Splits;

/// <summary>
/// An edition's split settings as staff last saved them (one row per edition, the settings as JSON so
/// that adding a setting needs no migration). Without a row the defaults of <see cref="SplitSettingsStore"/> apply.
/// </summary>
public sealed class EditionSplitSettings
{
    public int EditionId { get; set; }
    public string Json { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>The rules, weights and per-city settings the split planner runs with.</summary>
public sealed class SplitSettingsData
{
    public List<CitySplitSetting> Cities { get; set; } = [];
    public int MaxPerCountry { get; set; } = 1;
    public int? MaxPerRegion { get; set; }
    public int ThemeWeight { get; set; } = 10;
    public int SameCountryWeight { get; set; } = 100;
    public int IsolatedGenderWeight { get; set; } = 30;
    public int ChangeWeight { get; set; } = 50;

    /// <summary>Participant id pairs that must be in different cities.</summary>
    public List<int[]> Apart { get; set; } = [];

    /// <summary>Participant id pairs that must be in the same city.</summary>
    public List<int[]> Together { get; set; } = [];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SplitSettingsData FromJson(string json) => JsonSerializer.Deserialize<SplitSettingsData>(json, Json) ?? new();

    /// <summary>Flat field → value view, for the audit diff.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot()
    {
        var d = new Dictionary<string, string?>
        {
            ["MaxPerCountry"] = MaxPerCountry.ToString(CultureInfo.InvariantCulture),
            ["MaxPerRegion"] = MaxPerRegion?.ToString(CultureInfo.InvariantCulture),
            ["ThemeWeight"] = ThemeWeight.ToString(CultureInfo.InvariantCulture),
            ["SameCountryWeight"] = SameCountryWeight.ToString(CultureInfo.InvariantCulture),
            ["IsolatedGenderWeight"] = IsolatedGenderWeight.ToString(CultureInfo.InvariantCulture),
            ["ChangeWeight"] = ChangeWeight.ToString(CultureInfo.InvariantCulture),
            ["Apart"] = string.Join("; ", Apart.Select(p => string.Join("-", p))),
            ["Together"] = string.Join("; ", Together.Select(p => string.Join("-", p))),
        };
        foreach (var c in Cities)
        {
            d[$"{c.CityId}.Size"] = $"{c.MinSize}-{c.MaxSize}";
            d[$"{c.CityId}.Interpreters"] = c.Interpreters.ToString(CultureInfo.InvariantCulture)
                + (c.InterpreterLanguages is null ? "" : " (" + string.Join(", ", c.InterpreterLanguages) + ")");
            d[$"{c.CityId}.Themes"] = string.Join(", ", c.Themes.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}:{t.Value}"));
        }

        return d;
    }
}

/// <summary>One split city: group size range, theme strengths (0–3 by default), interpreters.</summary>
public sealed class CitySplitSetting
{
    public string CityId { get; set; } = "";
    public int MinSize { get; set; }
    public int MaxSize { get; set; }

    /// <summary>How many distinct interpretation languages the group can have.</summary>
    public int Interpreters { get; set; }

    /// <summary>Which languages (BCP 47); null means any.</summary>
    public List<string>? InterpreterLanguages { get; set; }

    public Dictionary<string, int> Themes { get; set; } = [];
}
