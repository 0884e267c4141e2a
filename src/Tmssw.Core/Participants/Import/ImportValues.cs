using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tmssw.Core.Participants.Export;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Participants.Import;

/// <summary>Reads one cell into a value, or says in a sentence what is wrong with it.</summary>
public static partial class ImportValues
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 200;
    public const int MaxNeedsLength = 500;

    /// <summary>
    /// Trimmed, NFC-normalized, line breaks as \n (XLSX keeps no \r), with one formula-neutralizing
    /// quote removed (see <see cref="FormulaGuard"/>).
    /// </summary>
    public static string Clean(string raw)
    {
        var text = Unguard(raw.Trim()).Trim();
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    public static string Unguard(string raw) => FormulaGuard.Unguard(raw);

    public static (string? Value, string? Error) Name(string text, string what)
    {
        if (text.Length > MaxNameLength)
        {
            return (null, $"The {what} has {text.Length} characters; at most {MaxNameLength} are allowed.");
        }

        if (!text.Any(char.IsLetter))
        {
            return (null, $"The {what} \"{text}\" has no letters.");
        }

        if (text.Any(char.IsDigit))
        {
            return (null, $"The {what} \"{text}\" contains digits: check that the columns are not shifted.");
        }

        if (text.Any(c => char.IsControl(c) || c == '@'))
        {
            return (null, $"The {what} \"{Printable(text)}\" contains a line break, a control character or an @.");
        }

        return (CollapseSpaces(text), null);
    }

    public static (string? Alpha2, string? Error) Country(string text)
    {
        if (Countries.Resolve(text) is { } country)
        {
            return (country.Alpha2, null);
        }

        var suggestions = Countries.Suggest(text);
        return suggestions.Count > 0
            ? (null, $"Unknown country \"{text}\": did you mean {string.Join(" or ", suggestions.Select(c => $"{c.Name} ({c.Alpha2})"))}?")
            : (null, $"Unknown country \"{text}\": write its name in English or its ISO 3166 code (e.g. EC or ECU for Ecuador).");
    }

    public static (string? Gender, string? Error) Gender(string text) => ColumnMap.Key(text) switch
    {
        "f" or "female" or "woman" or "w" or "femme" or "femenino" or "mujer" => ("F", null),
        "m" or "male" or "man" or "homme" or "masculino" or "hombre" => ("M", null),
        "x" or "other" or "nonbinary" or "diverse" or "unspecified" => ("X", null),
        _ => (null, $"Unknown gender \"{text}\": write F, M or X."),
    };

    private static readonly Dictionary<string, string> SectorSynonyms = new()
    {
        ["police"] = "law-enforcement",
        ["policing"] = "law-enforcement",
        ["lawenforcement"] = "law-enforcement",
        ["prosecutor"] = "prosecution",
        ["prosecutors"] = "prosecution",
        ["justice"] = "judiciary",
        ["courts"] = "judiciary",
        ["court"] = "judiciary",
        ["judges"] = "judiciary",
        ["customs"] = "border-customs",
        ["border"] = "border-customs",
        ["fiu"] = "financial-intelligence",
        ["prisons"] = "corrections",
        ["military"] = "security-defense",
        ["defense"] = "security-defense",
        ["defence"] = "security-defense",
        ["policy"] = "government-policy",
        ["government"] = "government-policy",
    };

    public static (string? Code, string? Error) Sector(string text)
    {
        var key = ColumnMap.Key(text);
        if (SectorSynonyms.TryGetValue(key, out var synonym))
        {
            return (synonym, null);
        }

        foreach (var (code, name) in Sectors.All)
        {
            if (key == ColumnMap.Key(code) || key == ColumnMap.Key(name))
            {
                return (code, null);
            }
        }

        var near = Sectors.All.Where(s => Text.EditDistance(key, ColumnMap.Key(s.Name)) <= Math.Max(2, key.Length / 4)).Select(s => s.Name).ToList();
        return (null, near.Count > 0
            ? $"Unknown sector \"{text}\": did you mean {string.Join(" or ", near)}?"
            : $"Unknown sector \"{text}\": use one of {string.Join(", ", Sectors.All.Select(s => s.Name))}.");
    }

    /// <summary>Items separated by semicolons, commas, slashes, vertical bars or line breaks.</summary>
    public static IEnumerable<string> Items(string text) =>
        text.Split([';', ',', '|', '/', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static (List<string>? Codes, string? Error) Themes(string text)
    {
        var codes = new List<string>();
        var errors = new List<string>();
        foreach (var item in Items(text))
        {
            if (Reference.Themes.Resolve(item) is { } theme)
            {
                if (!codes.Contains(theme.Code))
                {
                    codes.Add(theme.Code);
                }

                continue;
            }

            var key = ColumnMap.Key(item);
            var near = Reference.Themes.All
                .Where(t => Text.EditDistance(key, ColumnMap.Key(t.Name)) <= Math.Max(2, key.Length / 4)
                    || Text.EditDistance(key, ColumnMap.Key(t.Code)) <= Math.Max(2, key.Length / 4)
                    || (key.Length >= 4 && ColumnMap.Key(t.Name).Contains(key, StringComparison.Ordinal)))
                .Select(t => t.Name)
                .ToList();
            errors.Add(near.Count > 0
                ? $"Unknown theme \"{item}\": did you mean {string.Join(" or ", near)}?"
                : $"Unknown theme \"{item}\": use the catalogue's ({string.Join(", ", Reference.Themes.All.Select(t => t.Name))}).");
        }

        return errors.Count > 0 ? (null, string.Join(" ", errors)) : (codes, null);
    }

    public static (List<string>? Tags, string? Error) Languages(string text)
    {
        var tags = new List<string>();
        var errors = new List<string>();
        foreach (var item in Items(text))
        {
            var (tag, error) = Language(item);
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (!tags.Contains(tag!))
            {
                tags.Add(tag!);
            }
        }

        return errors.Count > 0 ? (null, string.Join(" ", errors)) : (tags, null);
    }

    public static (string? Tag, string? Error) Language(string item)
    {
        if (Reference.Languages.Resolve(item) is { } language)
        {
            return (language.Tag, null);
        }

        var key = ColumnMap.Key(item);
        var near = Reference.Languages.All
            .Where(l => Text.EditDistance(key, ColumnMap.Key(l.Name)) <= Math.Max(2, key.Length / 4)
                || (l.NativeName.Length > 0 && Text.EditDistance(key, ColumnMap.Key(l.NativeName)) <= Math.Max(1, key.Length / 4)))
            .Select(l => l.Name)
            .Take(3)
            .ToList();
        return (null, near.Count > 0
            ? $"Unknown language \"{item}\": did you mean {string.Join(" or ", near)}?"
            : $"Unknown language \"{item}\": write its English name or BCP 47 tag (e.g. Spanish or es).");
    }

    /// <summary>A language, or "en" for none needed ("none", "no", "n/a", "-", "English").</summary>
    public static (string? Tag, string? Error) Interpretation(string text) =>
        ColumnMap.Key(text) is "none" or "no" or "na" or "" or "notneeded" or "english" or "en"
            ? ("en", null)
            : Language(text);

    public static (string? Value, string? Error) FreeText(string text, string what, int max) =>
        text.Length > max
            ? (null, $"The {what} has {text.Length} characters; at most {max} are allowed.")
            : (text, null);

    public static (string? Value, string? Error) Email(string text)
    {
        if (text.Length > 254 || !EmailPattern().IsMatch(text))
        {
            return (null, $"\"{Printable(text)}\" is not an e-mail address (name@domain.tld).");
        }

        return (text, null);
    }

    public static (string? Value, string? Error) Phone(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length > 40 || digits < 6 || !PhonePattern().IsMatch(text))
        {
            return (null, $"\"{Printable(text)}\" is not a phone number: write digits with an optional +, spaces, dashes or brackets (e.g. +593 2 123 4567).");
        }

        return (CollapseSpaces(text), null);
    }

    /// <summary>Stored as letters and digits only, upper case: "a 123-4567" → "A1234567".</summary>
    public static (string? Value, string? Error) Passport(string text)
    {
        var key = PassportKey(text);
        if (key.Length is < 5 or > 20 || !key.All(char.IsAsciiLetterOrDigit))
        {
            return (null, "The passport number should have 5 to 20 letters and digits (spaces and dashes are ignored).");
        }

        return (key, null);
    }

    /// <summary>Upper case, without spaces, dashes and dots: what duplicate checks compare.</summary>
    public static string PassportKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not '-' and not '.')
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Given and family name without case, accents, spacing or punctuation, for duplicate checks.</summary>
    public static string NameKey(string given, string family) => ColumnMap.Key(given) + "|" + ColumnMap.Key(family);

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly Dictionary<string, int> MonthNames = BuildMonths();

    private static Dictionary<string, int> BuildMonths()
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < 12; i++)
        {
            map[Months[i]] = i + 1;
            map[Months[i][..3]] = i + 1;
        }

        map["sept"] = 9;
        string[] spanish = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
        string[] french = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
        for (var i = 0; i < 12; i++)
        {
            map.TryAdd(spanish[i], i + 1);
            map.TryAdd(french[i], i + 1);
        }

        return map;
    }

    /// <summary>
    /// ISO (1980-03-12, 1980/03/12), day first with dots (12.03.1980), month names in English,
    /// Spanish or French (12 March 1980, March 12, 1980, 12-Mar-1980), and slashes or dashes with
    /// the year last (12/03/1980) when the day is over 12 or equals the month. Otherwise the date is
    /// ambiguous and refused with both readings; two-digit years are refused too.
    /// </summary>
    public static (DateOnly? Value, string? Error) DateOfBirth(string text, DateOnly today)
    {
        var (date, error) = ParseDate(text);
        if (error is not null)
        {
            return (null, error);
        }

        if (date!.Value.Year < 1900 || date.Value > today.AddYears(-16))
        {
            return (null, $"The date of birth {date.Value:yyyy-MM-dd} (read from \"{text}\") is not plausible for an official: check the year.");
        }

        return (date, null);
    }

    private static (DateOnly? Value, string? Error) ParseDate(string text)
    {
        var t = text.Trim();
        var help = "write it as YYYY-MM-DD (e.g. 1980-03-12) or with the month's name (12 March 1980)";
        if (IsoDate().Match(t) is { Success: true } iso)
        {
            return Make(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), t, help);
        }

        if (NumericDate().Match(t) is { Success: true } numeric)
        {
            var a = Int(numeric.Groups[1].Value);
            var separator = numeric.Groups[2].Value;
            var b = Int(numeric.Groups[3].Value);
            var yearText = numeric.Groups[4].Value;
            if (yearText.Length != 4)
            {
                return (null, $"\"{t}\" has a two-digit year: {help}.");
            }

            var year = Int(yearText);
            if (separator == ".")
            {
                return Make(year, b, a, t, help);
            }

            if (a > 12 || a == b)
            {
                return Make(year, b, a, t, help);
            }

            if (b > 12)
            {
                return Make(year, a, b, t, help);
            }

            var dayFirst = new DateOnly(year, b, a);
            var monthFirst = new DateOnly(year, a, b);
            return (null, $"The date \"{t}\" is ambiguous: it could be {Long(dayFirst)} or {Long(monthFirst)}; {help}.");
        }

        // Words: a month name, a day (1–31, maybe "12th") and a four-digit year, in any order.
        var tokens = DateTokens().Matches(t.Normalize(NormalizationForm.FormD)).Select(m => m.Value.ToLowerInvariant()).ToList();
        int? month = null, day = null, yr = null;
        foreach (var token in tokens)
        {
            var word = ColumnMap.Key(token);
            if (MonthNames.TryGetValue(word, out var m) && month is null)
            {
                month = m;
            }
            else if (OrdinalDay().Match(word) is { Success: true } d && day is null && word.Length <= 4)
            {
                day = Int(d.Groups[1].Value);
            }
            else if (word.Length == 4 && word.All(char.IsAsciiDigit) && yr is null)
            {
                yr = Int(word);
            }
            else if (word is not ("de" or "of" or "the" or "le"))
            {
                return (null, $"\"{t}\" is not a date: {help}.");
            }
        }

        return month is not null && day is not null && yr is not null
            ? Make(yr.Value, month.Value, day.Value, t, help)
            : (null, $"\"{t}\" is not a date: {help}.");
    }

    private static (DateOnly?, string?) Make(int year, int month, int day, string text, string help) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month) && year is >= 1 and <= 9999
            ? (new DateOnly(year, month, day), null)
            : (null, $"\"{text}\" is not a real date: {help}.");

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string CollapseSpaces(string text) => MultipleSpaces().Replace(text, " ");

    internal static string Printable(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()./-]+(?:\s*(?:ext\.?|x)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"[\p{L}\p{Mn}]+|\d+(?:st|nd|rd|th)?")]
    private static partial Regex DateTokens();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)?$")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
