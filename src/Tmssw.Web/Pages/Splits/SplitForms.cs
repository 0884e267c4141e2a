using System.Globalization;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;

namespace Tmssw.Web.Pages.Splits;

/// <summary>The settings form as typed (strings, so a failed save shows exactly what was typed).</summary>
public sealed class SplitSettingsForm
{
    public string MaxPerCountry { get; set; } = "";
    public string? MaxPerRegion { get; set; }
    public string ThemeWeight { get; set; } = "";
    public string SameCountryWeight { get; set; } = "";
    public string IsolatedGenderWeight { get; set; } = "";
    public string ChangeWeight { get; set; } = "";

    /// <summary>One pair of participant numbers a line, e.g. <c>12, 34</c>.</summary>
    public string? Apart { get; set; }

    public string? Together { get; set; }
    public List<CitySettingsForm> Cities { get; set; } = [];

    public static SplitSettingsForm From(SplitSettingsData d) => new()
    {
        MaxPerCountry = I(d.MaxPerCountry),
        MaxPerRegion = d.MaxPerRegion is { } r ? I(r) : "",
        ThemeWeight = I(d.ThemeWeight),
        SameCountryWeight = I(d.SameCountryWeight),
        IsolatedGenderWeight = I(d.IsolatedGenderWeight),
        ChangeWeight = I(d.ChangeWeight),
        Apart = string.Join("\n", d.Apart.Select(p => string.Join(", ", p))),
        Together = string.Join("\n", d.Together.Select(p => string.Join(", ", p))),
        Cities = [.. d.Cities.Select(c => new CitySettingsForm
        {
            CityId = c.CityId,
            MinSize = I(c.MinSize),
            MaxSize = I(c.MaxSize),
            Interpreters = I(c.Interpreters),
            InterpreterLanguages = c.InterpreterLanguages is null ? "" : string.Join(", ", c.InterpreterLanguages),
            Themes = string.Join(", ", c.Themes.Where(t => t.Value > 0).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")),
        })],
    };

    /// <summary>Parses what was typed; format problems are keyed by field like the store's own checks.</summary>
    public SplitSettingsData Parse(Dictionary<string, string> errors)
    {
        var d = new SplitSettingsData
        {
            MaxPerCountry = Int(MaxPerCountry, nameof(MaxPerCountry), errors),
            MaxPerRegion = string.IsNullOrWhiteSpace(MaxPerRegion) ? null : Int(MaxPerRegion, nameof(MaxPerRegion), errors),
            ThemeWeight = Int(ThemeWeight, nameof(ThemeWeight), errors),
            SameCountryWeight = Int(SameCountryWeight, nameof(SameCountryWeight), errors),
            IsolatedGenderWeight = Int(IsolatedGenderWeight, nameof(IsolatedGenderWeight), errors),
            ChangeWeight = Int(ChangeWeight, nameof(ChangeWeight), errors),
            Apart = Pairs(Apart, nameof(Apart), errors),
            Together = Pairs(Together, nameof(Together), errors),
        };
        for (var i = 0; i < Cities.Count; i++)
        {
            var c = Cities[i];
            var key = $"Cities[{i}].";
            var themes = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in Split(c.Themes))
            {
                var bits = part.Split(':', 2);
                var theme = Tmssw.Core.Reference.Themes.Resolve(bits[0].Trim())?.Code;
                if (theme is null || bits.Length != 2 || !int.TryParse(bits[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var strength))
                {
                    errors[key + "Themes"] = $"Write themes as theme: strength, e.g. narcotics: 3 ('{part}' is not).";
                    continue;
                }

                themes[theme] = strength;
            }

            var languages = Split(c.InterpreterLanguages);
            d.Cities.Add(new CitySplitSetting
            {
                CityId = c.CityId,
                MinSize = Int(c.MinSize, key + "MinSize", errors),
                MaxSize = Int(c.MaxSize, key + "MaxSize", errors),
                Interpreters = Int(c.Interpreters, key + "Interpreters", errors),
                InterpreterLanguages = languages.Length == 0 ? null : [.. languages.Select(l => Languages.Resolve(l)?.Tag ?? l)],
                Themes = themes,
            });
        }

        return d;
    }

    private static string[] Split(string? s) =>
        (s ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<int[]> Pairs(string? text, string field, Dictionary<string, string> errors)
    {
        var pairs = new List<int[]>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ids = line.Split([',', ' ', ';', '-'], StringSplitOptions.RemoveEmptyEntries)
                .Select(x => int.TryParse(x.TrimStart('#'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToList();
            if (ids.Count != 2 || ids.Any(x => x is null))
            {
                errors[field] = $"Write one pair of participant numbers a line, e.g. 12, 34 ('{line}' is not).";
                continue;
            }

            pairs.Add([ids[0]!.Value, ids[1]!.Value]);
        }

        return pairs;
    }

    private static int Int(string? s, string field, Dictionary<string, string> errors)
    {
        if (int.TryParse((s ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        errors[field] = "Enter a whole number.";
        return 0;
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}

public sealed class CitySettingsForm
{
    public string CityId { get; set; } = "";
    public string MinSize { get; set; } = "";
    public string MaxSize { get; set; } = "";
    public string Interpreters { get; set; } = "";
    public string? InterpreterLanguages { get; set; }
    public string? Themes { get; set; }
}
