using System.Globalization;

namespace Tmssw.Core.Reference;

/// <summary>A language by its BCP 47 tag.</summary>
public sealed record Language(string Tag, string Name, string NativeName);

/// <summary>
/// Languages. <see cref="All"/> is the short list the program's forms offer (languages.csv);
/// <see cref="Resolve"/> knows every language the platform's culture data (ICU) knows: ISO 639-1,
/// 639-2/T and 639-3 codes, BCP 47 tags with script or region ("pt-BR", "sr-Latn"), English and
/// native names. ISO 639-2/B codes (the bibliographic "fre", "ger", "chi") map to their T codes.
/// </summary>
public static class Languages
{
    private static readonly Lazy<IReadOnlyList<Language>> AllLanguages = new(() =>
        EmbeddedCsv.Read("Tmssw.Reference.languages.csv")
            .Select(r => new Language(r["tag"], r["name"], r["nativeName"]))
            .ToList());

    private static readonly Lazy<Catalogue> Known = new(Catalogue.Build);

    public static IReadOnlyList<Language> All => AllLanguages.Value;

    /// <summary>
    /// By tag ("es", "ES", "spa", "pt-BR"), English name ("Spanish") or native name ("español"),
    /// ignoring case and accents; null when no language has that name.
    /// </summary>
    public static Language? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var t = text.Trim();
        var listed = All.FirstOrDefault(l => string.Equals(l.Tag, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Name, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.NativeName, t, StringComparison.OrdinalIgnoreCase));
        return listed ?? Known.Value.Find(t);
    }

    /// <summary>
    /// Real near misses only: names (English or native) of four letters or more within a small
    /// edit distance, closest first. A short code that is not a language gets no suggestion, since
    /// every two-letter string is one letter away from some language's code.
    /// </summary>
    public static IReadOnlyList<Language> Suggest(string text, int max = 3)
    {
        var key = Countries.Normalize(text);
        if (key.Length < 4 || key.Length > 40)
        {
            return [];
        }

        var limit = key.Length < 8 ? 1 : 2;
        return Known.Value.Names
            .Select(n => (n.Language, Distance: Text.EditDistance(key, n.Key)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Language.Tag.Length)
            .Select(x => x.Language)
            .DistinctBy(l => l.Tag)
            .Take(max)
            .ToList();
    }

    public static string NameOf(string tag) => Resolve(tag)?.Name ?? tag;

    /// <summary>Every culture ICU knows, indexed by tag, ISO codes and names.</summary>
    private sealed class Catalogue
    {
        // ISO 639-2 has two codes for twenty languages; .NET reports the terminological one.
        private static readonly Dictionary<string, string> Bibliographic = new(StringComparer.OrdinalIgnoreCase)
        {
            ["alb"] = "sqi", ["arm"] = "hye", ["baq"] = "eus", ["bur"] = "mya", ["chi"] = "zho", ["cze"] = "ces", ["dut"] = "nld",
            ["fre"] = "fra", ["geo"] = "kat", ["ger"] = "deu", ["gre"] = "ell", ["ice"] = "isl", ["mac"] = "mkd", ["mao"] = "mri",
            ["may"] = "msa", ["per"] = "fas", ["rum"] = "ron", ["slo"] = "slk", ["tib"] = "bod", ["wel"] = "cym",
        };

        private readonly Dictionary<string, Language> byTag = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Language> byName = new(StringComparer.Ordinal);

        public List<(string Key, Language Language)> Names { get; } = [];

        public static Catalogue Build()
        {
            var catalogue = new Catalogue();
            var cultures = CultureInfo.GetCultures(CultureTypes.AllCultures)
                .Where(c => c.Name.Length > 0 && c.TwoLetterISOLanguageName != "iv")
                .OrderBy(c => c.IsNeutralCulture ? 0 : 1)
                .ThenBy(c => c.Name.Length)
                .ToList();
            foreach (var c in cultures)
            {
                var language = new Language(c.Name, c.EnglishName, c.NativeName);
                catalogue.byTag.TryAdd(c.Name, language);
                if (c.IsNeutralCulture)
                {
                    catalogue.byTag.TryAdd(c.ThreeLetterISOLanguageName, language);
                    catalogue.byTag.TryAdd(c.TwoLetterISOLanguageName, language);
                }

                catalogue.AddName(c.EnglishName, language, c.IsNeutralCulture);
                catalogue.AddName(c.NativeName, language, c.IsNeutralCulture);
            }

            // ICU names more languages than it has locale data for (Tswana, Fijian…): every ISO 639-1
            // code it can name joins the catalogue; a three-letter code is asked for when it is written.
            for (var a = 'a'; a <= 'z'; a++)
            {
                for (var b = 'a'; b <= 'z'; b++)
                {
                    var code = string.Concat(a, b);
                    if (!catalogue.byTag.ContainsKey(code) && Named(code) is { } named)
                    {
                        catalogue.byTag[code] = named;
                        catalogue.AddName(named.Name, named, neutral: true);
                        catalogue.AddName(named.NativeName, named, neutral: true);
                    }
                }
            }

            foreach (var (b, t) in Bibliographic)
            {
                if (catalogue.byTag.TryGetValue(t, out var language))
                {
                    catalogue.byTag.TryAdd(b, language);
                }
            }

            return catalogue;
        }

        private void AddName(string name, Language language, bool neutral)
        {
            var key = Countries.Normalize(name);
            if (key.Length == 0)
            {
                return;
            }

            byName.TryAdd(key, language);
            if (neutral)
            {
                Names.Add((key, language));
            }
        }

        public Language? Find(string text)
        {
            if (byTag.TryGetValue(text.Replace('_', '-'), out var tagged))
            {
                return tagged;
            }

            if (TryCulture(text) is { } culture)
            {
                return culture;
            }

            return byName.TryGetValue(Countries.Normalize(text), out var named) ? named : null;
        }

        /// <summary>A language code ICU can name, or null ("xx" has no name: ICU echoes the code).</summary>
        private static Language? Named(string code)
        {
            try
            {
                var c = new CultureInfo(code, useUserOverride: false);
                return c.Name.Length > 0 && !string.Equals(c.EnglishName, c.Name, StringComparison.OrdinalIgnoreCase)
                    && !c.EnglishName.StartsWith("Unknown", StringComparison.OrdinalIgnoreCase)
                    ? new Language(c.Name, c.EnglishName, c.NativeName)
                    : null;
            }
            catch (CultureNotFoundException)
            {
                return null;
            }
        }

        /// <summary>
        /// A well-formed BCP 47 tag whose language ICU can name, such as "tsn", "es-419" or "en-Latn-GB";
        /// a bare code comes back as its two-letter form when there is one.
        /// </summary>
        private Language? TryCulture(string text)
        {
            if (text.Length > 35 || !text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            {
                return null;
            }

            var tag = text.Replace('_', '-');
            var first = tag.Split('-')[0];
            if (first.Length is < 2 or > 8 || !first.All(char.IsAsciiLetter))
            {
                return null;
            }

            var language = byTag.TryGetValue(first, out var known) ? known : Named(first);
            if (language is null)
            {
                return null;
            }

            if (first.Length == tag.Length)
            {
                var two = new CultureInfo(first, useUserOverride: false).TwoLetterISOLanguageName;
                return byTag.TryGetValue(two, out var shorter) ? shorter : language;
            }

            return Named(tag) ?? language;
        }
    }
}
