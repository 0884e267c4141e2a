using System.Globalization;
using System.Text;

namespace Tmssw.Core.Reference;

/// <summary>An ISO 3166-1 country with its UN M49 region, sub-region and intermediate region.</summary>
public sealed record Country(
    string Alpha2,
    string Alpha3,
    string Numeric,
    string Name,
    string Region,
    string SubRegion,
    string IntermediateRegion)
{
    /// <summary>The world region the program groups participants by: the M49 sub-region.</summary>
    public string WorldRegion => SubRegion.Length > 0 ? SubRegion : Region;
}

/// <summary>ISO 3166-1 with UN M49 regions, and the other names people write for countries.</summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlyList<Country>> AllCountries = new(Load);
    private static readonly Lazy<Dictionary<string, Country>> ByKey = new(BuildIndex);

    public static IReadOnlyList<Country> All => AllCountries.Value;

    /// <summary>The country for an alpha-2 or alpha-3 code, in any case; null when there is none.</summary>
    public static Country? FindByCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var key = code.Trim().ToUpperInvariant();
        return All.FirstOrDefault(c => c.Alpha2 == key || c.Alpha3 == key);
    }

    /// <summary>A code, an ISO name or a common alias ("Ivory Coast", "USA"), ignoring case, accents and punctuation.</summary>
    public static Country? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return FindByCode(text) ?? (ByKey.Value.TryGetValue(Normalize(text), out var c) ? c : null);
    }

    /// <summary>The closest names to a near miss, for "did you mean" messages.</summary>
    public static IReadOnlyList<Country> Suggest(string text, int max = 3)
    {
        var key = Normalize(text);
        return ByKey.Value
            .Select(kv => (kv.Value, distance: Text.EditDistance(key, kv.Key)))
            .Where(x => x.distance <= Math.Max(2, key.Length / 4))
            .OrderBy(x => x.distance)
            .Select(x => x.Value)
            .DistinctBy(c => c.Alpha2)
            .Take(max)
            .ToList();
    }

    /// <summary>Lower case, no accents, letters and digits only: "Côte d’Ivoire" → "cotedivoire".</summary>
    internal static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }

    private static List<Country> Load() =>
        EmbeddedCsv.Read("Tmssw.Reference.countries.csv")
            .Select(r => new Country(r["alpha2"], r["alpha3"], r["numeric"], r["name"], r["region"], r["subRegion"], r["intermediateRegion"]))
            .ToList();

    private static Dictionary<string, Country> BuildIndex()
    {
        var index = new Dictionary<string, Country>();
        foreach (var c in All)
        {
            index.TryAdd(Normalize(c.Name), c);
        }

        foreach (var r in EmbeddedCsv.Read("Tmssw.Reference.country-aliases.csv"))
        {
            if (FindByCode(r["alpha2"]) is { } c)
            {
                index.TryAdd(Normalize(r["alias"]), c);
            }
        }

        return index;
    }
}

internal static class Text
{
    /// <summary>Levenshtein distance, for suggestions on short reference names.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
