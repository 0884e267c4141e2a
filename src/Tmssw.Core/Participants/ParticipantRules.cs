using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Participants;

/// <summary>The fields of a participant a person or a file gives.</summary>
public enum ParticipantField
{
    GivenName,
    FamilyName,
    Country,
    Gender,
    Sector,
    Agency,
    Position,
    Themes,
    Languages,
    InterpretationLanguage,
    DietaryNeeds,
    AccessibilityNeeds,
    PassportNumber,
    DateOfBirth,
    PersonalEmail,
    PersonalPhone,
}

/// <summary>A participant as text, the way the form, the API, a nominations file or the demo data give it; null or blank is empty.</summary>
public sealed record ParticipantText(
    string? GivenName,
    string? FamilyName,
    string? Country,
    string? Gender,
    string? Sector = null,
    string? Agency = null,
    string? Position = null,
    string? Themes = null,
    string? Languages = null,
    string? InterpretationLanguage = null,
    string? DietaryNeeds = null,
    string? AccessibilityNeeds = null,
    string? PassportNumber = null,
    string? DateOfBirth = null,
    string? PersonalEmail = null,
    string? PersonalPhone = null);

/// <summary>A problem with one field, in a sentence that says what to do.</summary>
public sealed record FieldIssue(ParticipantField Field, string Message);

/// <summary>
/// The outcome of the checks: the values (null when there is an error), the errors, and warnings
/// (a sector or theme the catalogue lacks, kept as written for staff to look at).
/// </summary>
public sealed record ParticipantCheck(NominationValues? Values, IReadOnlyList<FieldIssue> Errors, IReadOnlyList<FieldIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The one set of participant rules, used by the edit form (<see cref="SaveParticipant"/>), the API,
/// the nominations import and the demo loader: which fields are required, how long a field may be,
/// how passports, e-mails, phones, names and dates are read and normalized, and the messages.
/// Facts are strict (a country, an e-mail, a date of birth that is wrong is an error); vocabulary is
/// tolerant (a sector or theme word the catalogue lacks is kept with a warning and suggestions).
/// Nothing here throws on any input: every impossible value is an error message.
/// </summary>
public static partial class ParticipantRules
{
    public const int MaxNameLength = 100;
    public const int MaxTextLength = 200;
    public const int MaxNeedsLength = 500;
    public const int MaxEmailLength = 254;
    public const int MaxPhoneLength = 40;
    public const int MinPassportLength = 5;
    public const int MaxPassportLength = 20;

    /// <summary>Given name, family name, country and gender; everything else may be empty.</summary>
    public static readonly IReadOnlyList<ParticipantField> Required =
        [ParticipantField.GivenName, ParticipantField.FamilyName, ParticipantField.Country, ParticipantField.Gender];

    /// <summary>How a field is named in a message ("the given name").</summary>
    public static string Label(ParticipantField field) => field switch
    {
        ParticipantField.GivenName => "given name",
        ParticipantField.FamilyName => "family name",
        ParticipantField.Country => "country",
        ParticipantField.Gender => "gender",
        ParticipantField.Sector => "sector",
        ParticipantField.Agency => "agency",
        ParticipantField.Position => "position",
        ParticipantField.Themes => "themes",
        ParticipantField.Languages => "languages",
        ParticipantField.InterpretationLanguage => "interpretation language",
        ParticipantField.DietaryNeeds => "dietary needs",
        ParticipantField.AccessibilityNeeds => "accessibility needs",
        ParticipantField.PassportNumber => "passport number",
        ParticipantField.DateOfBirth => "date of birth",
        ParticipantField.PersonalEmail => "personal e-mail",
        ParticipantField.PersonalPhone => "personal phone",
        _ => field.ToString(),
    };

    /// <summary>Checks every field; <paramref name="today"/> bounds a plausible date of birth.</summary>
    public static ParticipantCheck Check(ParticipantText text, DateOnly today)
    {
        var errors = new List<FieldIssue>();
        var warnings = new List<FieldIssue>();

        string Clean(string? raw) => Normalize(raw);

        T? Field<T>(ParticipantField field, string? raw, Func<string, (T? Value, string? Error)> parse)
            where T : class
        {
            var t = Clean(raw);
            if (t.Length == 0)
            {
                if (Required.Contains(field))
                {
                    errors.Add(new FieldIssue(field, $"The {Label(field)} is missing; it is required."));
                }

                return null;
            }

            var (value, error) = parse(t);
            if (error is not null)
            {
                errors.Add(new FieldIssue(field, error));
            }

            return value;
        }

        T? Tolerant<T>(ParticipantField field, string? raw, Func<string, (T Value, string? Warning)> parse)
            where T : class
        {
            var t = Clean(raw);
            if (t.Length == 0)
            {
                return null;
            }

            var (value, warning) = parse(t);
            if (warning is not null)
            {
                warnings.Add(new FieldIssue(field, warning));
            }

            return value;
        }

        var given = Field(ParticipantField.GivenName, text.GivenName, t => Name(t, "given name"));
        var family = Field(ParticipantField.FamilyName, text.FamilyName, t => Name(t, "family name"));
        var country = Field(ParticipantField.Country, text.Country, Country);
        var gender = Field(ParticipantField.Gender, text.Gender, Gender);
        var sector = Tolerant(ParticipantField.Sector, text.Sector, Sector);
        var agency = Field(ParticipantField.Agency, text.Agency, t => FreeText(t, "agency", MaxTextLength));
        var position = Field(ParticipantField.Position, text.Position, t => FreeText(t, "position", MaxTextLength));
        var themes = Tolerant(ParticipantField.Themes, text.Themes, Themes);
        var languages = Field(ParticipantField.Languages, text.Languages, Languages);
        var interpretation = Field(ParticipantField.InterpretationLanguage, text.InterpretationLanguage, Interpretation);
        var dietary = Field(ParticipantField.DietaryNeeds, text.DietaryNeeds, t => FreeText(t, "dietary needs", MaxNeedsLength));
        var accessibility = Field(ParticipantField.AccessibilityNeeds, text.AccessibilityNeeds, t => FreeText(t, "accessibility needs", MaxNeedsLength));
        var passport = Field(ParticipantField.PassportNumber, text.PassportNumber, Passport);
        var email = Field(ParticipantField.PersonalEmail, text.PersonalEmail, Email);
        var phone = Field(ParticipantField.PersonalPhone, text.PersonalPhone, Phone);
        DateOnly? dob = null;
        var dobText = Clean(text.DateOfBirth);
        if (dobText.Length > 0)
        {
            var (value, error) = DateOfBirth(dobText, today);
            if (error is not null)
            {
                errors.Add(new FieldIssue(ParticipantField.DateOfBirth, error));
            }

            dob = value;
        }

        var values = errors.Count == 0
            ? new NominationValues(given!, family!, country!, gender!, sector, agency, position, themes, languages, interpretation, dietary, accessibility, passport, dob, email, phone)
            : null;
        return new ParticipantCheck(values, errors, warnings);
    }

    /// <summary>Trimmed, NFC-normalized, line breaks as \n.</summary>
    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var text = WithoutLoneSurrogates(raw.Trim());
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalized: keep the text, the field checks refuse it.
            return text;
        }
    }

    /// <summary>Half of a surrogate pair alone is not a character: it becomes U+FFFD, which no field accepts in a name.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate) || HasPair(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    public static (string? Value, string? Error) Name(string text, string what)
    {
        if (text.Length > MaxNameLength)
        {
            return (null, $"The {what} has {text.Length} characters; at most {MaxNameLength} are allowed.");
        }

        if (!text.Any(char.IsLetter))
        {
            return (null, $"The {what} \"{Printable(text)}\" has no letters.");
        }

        if (text.Any(char.IsDigit))
        {
            return (null, $"The {what} \"{Printable(text)}\" contains digits: check that the columns are not shifted.");
        }

        if (text.Any(c => char.IsControl(c) || c is '@' or '\uFFFD') || !HasPair(text))
        {
            return (null, $"The {what} \"{Printable(text)}\" contains a line break, a control character or an @.");
        }

        return (CollapseSpaces(text), null);
    }

    private static bool HasPair(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return false;
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    public static (string? Alpha2, string? Error) Country(string text)
    {
        if (text.Length <= 100 && Countries.Resolve(text) is { } country)
        {
            return (country.Alpha2, null);
        }

        var shown = Printable(text.Length > 60 ? text[..60] + "…" : text);
        var suggestions = text.Length <= 60 ? Countries.Suggest(text) : [];
        return suggestions.Count > 0
            ? (null, $"'{shown}' is not a country we know. Did you mean {string.Join(" or ", suggestions.Select(c => $"{c.Name} ({c.Alpha2})"))}?")
            : (null, $"'{shown}' is not a country we know: write its name in English or its ISO 3166 code (e.g. EC or ECU for Ecuador).");
    }

    public static (string? Gender, string? Error) Gender(string text) => Key(text) switch
    {
        "f" or "female" or "woman" or "w" or "femme" or "femenino" or "mujer" => ("F", null),
        "m" or "male" or "man" or "homme" or "masculino" or "hombre" => ("M", null),
        "x" or "other" or "nonbinary" or "diverse" or "unspecified" => ("X", null),
        _ => (null, $"Unknown gender \"{Printable(Short(text))}\": write F, M or X."),
    };

    // Words an embassy naturally writes for each sector (English, Spanish, French; singular and plural).
    private static readonly Dictionary<string, string> SectorSynonyms = BuildSynonyms(new()
    {
        ["law-enforcement"] =
        [
            "police", "policing", "law enforcement", "national police", "federal police", "police force", "gendarmerie", "investigation",
            "criminal investigation", "interior", "ministry of interior", "ministry of the interior", "home affairs", "public security",
            "policia", "policía", "fuerzas del orden", "seguridad publica", "seguridad pública", "ministerio del interior", "ministère de l'intérieur",
            "law-enforcement", "enforcement", "investigations", "anti-narcotics", "drug enforcement", "counter-narcotics",
        ],
        ["prosecution"] =
        [
            "prosecutor", "prosecutors", "prosecution service", "public prosecution", "public prosecutor", "attorney general", "attorney general's office",
            "office of the prosecutor", "prosecutor general", "prosecutor general's office", "public ministry", "fiscalia", "fiscalía", "ministerio publico",
            "ministerio público", "parquet", "ministère public", "procuracy", "procuratura",
        ],
        ["judiciary"] =
        [
            "justice", "judicial", "judge", "judges", "court", "courts", "supreme court", "magistrate", "magistrates", "magistracy",
            "judicatura", "poder judicial", "juez", "jueces", "tribunal", "tribunals", "magistrature", "justice system",
        ],
        ["border-customs"] =
        [
            "customs", "border", "borders", "border control", "border police", "border security", "border guard", "border management",
            "immigration", "migration", "coast guard", "coastguard", "aduana", "aduanas", "migracion", "migración", "douane", "douanes",
            "customs and border protection", "border and customs", "customs and borders",
        ],
        ["financial-intelligence"] =
        [
            "fiu", "financial intelligence unit", "financial investigation", "financial investigations", "anti-money laundering", "aml",
            "financial crime", "financial crimes", "unidad de inteligencia financiera", "uif", "cellule de renseignement financier", "central bank",
            "banking supervision", "financial regulator",
        ],
        ["corrections"] =
        [
            "prisons", "prison", "prison service", "correctional", "correctional services", "penitentiary", "penitentiaries", "probation",
            "corrections service", "sistema penitenciario", "administration pénitentiaire",
        ],
        ["security-defense"] =
        [
            "military", "defense", "defence", "armed forces", "army", "navy", "air force", "ministry of defense", "ministry of defence",
            "national security", "security", "intelligence", "security services", "defensa", "fuerzas armadas", "défense", "armée",
            "security and defence", "security & defense", "security & defence",
        ],
        ["government-policy"] =
        [
            "policy", "government", "ministry", "foreign affairs", "ministry of foreign affairs", "diplomacy", "diplomatic", "legislature",
            "parliament", "congress", "public administration", "civil service", "gobierno", "cancilleria", "cancillería", "gouvernement",
            "government & policy", "policy maker", "policymaker",
        ],
    });

    private static Dictionary<string, string> BuildSynonyms(Dictionary<string, string[]> byCode)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in Sectors.All)
        {
            map.TryAdd(Key(code), code);
            map.TryAdd(Key(name), code);
        }

        foreach (var (code, words) in byCode)
        {
            foreach (var word in words)
            {
                map.TryAdd(Key(word), code);
            }
        }

        return map;
    }

    /// <summary>
    /// A sector by code, name, synonym or a plural/singular variant. A word the catalogue lacks is
    /// kept as written, with a warning that names the closest sectors.
    /// </summary>
    public static (string Code, string? Warning) Sector(string text)
    {
        var key = Key(text);
        if (SectorSynonyms.TryGetValue(key, out var code)
            || (key.EndsWith('s') && SectorSynonyms.TryGetValue(key[..^1], out code))
            || SectorSynonyms.TryGetValue(key + "s", out code))
        {
            return (code, null);
        }

        var kept = Short(text, MaxTextLength);
        var near = key.Length is > 0 and <= 60
            ? Sectors.All
                .Select(s => (s.Name, Distance: Math.Min(Text.EditDistance(key, Key(s.Name)), Text.EditDistance(key, Key(s.Code)))))
                .Where(x => x.Distance <= Math.Max(2, key.Length / 4))
                .OrderBy(x => x.Distance)
                .Select(x => x.Name)
                .ToList()
            : [];
        return (kept, near.Count > 0
            ? $"The sector \"{Printable(Short(text))}\" is not in the catalogue; it is kept as written for the staff to review. Did you mean {string.Join(" or ", near)}?"
            : $"The sector \"{Printable(Short(text))}\" is not in the catalogue; it is kept as written for the staff to review. The catalogue's sectors are {string.Join(", ", Sectors.All.Select(s => s.Name))}.");
    }

    private static readonly Dictionary<string, string> ThemeSynonyms = BuildThemeSynonyms(new()
    {
        ["terrorism"] = ["counterterrorism", "counter-terrorism", "counter terrorism", "ct", "terrorist financing", "terrorismo", "terrorisme", "antiterrorism"],
        ["narcotics"] =
        [
            "narcotics", "drugs", "drug trafficking", "narcotrafficking", "narco-trafficking", "counternarcotics", "counter-narcotics", "synthetic opioids",
            "opioids", "fentanyl", "synthetic drugs", "narcotráfico", "narcotrafico", "drogas", "stupéfiants", "drug", "illicit drugs",
        ],
        ["trafficking-in-persons"] =
        [
            "human trafficking", "trafficking in human beings", "tip", "thb", "trata de personas", "trata", "traite des êtres humains",
            "traite des personnes", "forced labour", "forced labor", "modern slavery",
        ],
        ["border-security"] =
        [
            "migrant smuggling", "smuggling of migrants", "people smuggling", "human smuggling", "border security", "border", "migration",
            "irregular migration", "tráfico de migrantes", "trafico de migrantes", "trafic de migrants",
        ],
        ["money-laundering"] =
        [
            "money laundering", "aml", "anti-money laundering", "financial crime", "financial crimes", "lavado de activos", "lavado de dinero",
            "blanchiment", "blanchiment d'argent", "asset recovery", "illicit finance", "terrorist financing and money laundering",
        ],
        ["corruption"] = ["anti-corruption", "anticorruption", "anti corruption", "bribery", "corrupción", "corrupcion", "integrity"],
        ["cybercrime"] = ["cyber crime", "cyber", "cybersecurity", "cyber security", "cyber-crime", "ciberdelito", "cibercrimen", "cybercriminalité", "digital forensics"],
        ["maritime-crime"] = ["maritime", "piracy", "maritime security", "iuu fishing", "illegal fishing", "fisheries crime", "crimen marítimo"],
        ["environmental-crime"] =
        [
            "environment", "environmental", "wildlife trafficking", "wildlife crime", "illegal logging", "illegal mining", "delitos ambientales",
            "crimen ambiental", "criminalité environnementale",
        ],
        ["violent-extremism"] = ["cve", "pve", "countering violent extremism", "preventing violent extremism", "extremism", "radicalization", "radicalisation", "extremismo violento"],
    });

    private static Dictionary<string, string> BuildThemeSynonyms(Dictionary<string, string[]> byCode)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var theme in Reference.Themes.All)
        {
            map.TryAdd(Key(theme.Code), theme.Code);
            map.TryAdd(Key(theme.Name), theme.Code);
        }

        foreach (var (code, words) in byCode)
        {
            foreach (var word in words)
            {
                map.TryAdd(Key(word), code);
            }
        }

        return map;
    }

    /// <summary>Items separated by semicolons, commas, slashes, vertical bars or line breaks.</summary>
    public static IEnumerable<string> Items(string text) =>
        text.Split([';', ',', '|', '/', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One theme by code, name, synonym or plural/singular variant; null when unknown.</summary>
    public static string? ThemeCode(string item)
    {
        var key = Key(item);
        return ThemeSynonyms.TryGetValue(key, out var code)
            || (key.EndsWith('s') && ThemeSynonyms.TryGetValue(key[..^1], out code))
            || ThemeSynonyms.TryGetValue(key + "s", out code)
            ? code
            : null;
    }

    /// <summary>
    /// Themes: known ones as codes; a word the catalogue lacks is kept as written, with a warning
    /// that names the closest themes.
    /// </summary>
    public static (List<string> Codes, string? Warning) Themes(string text)
    {
        var codes = new List<string>();
        var warnings = new List<string>();
        foreach (var item in Items(text))
        {
            var code = ThemeCode(item);
            if (code is null)
            {
                code = Short(item, 60);
                var key = Key(item);
                var near = key.Length is > 0 and <= 60
                    ? Reference.Themes.All
                        .Where(t => Text.EditDistance(key, Key(t.Name)) <= Math.Max(2, key.Length / 4)
                            || Text.EditDistance(key, Key(t.Code)) <= Math.Max(2, key.Length / 4)
                            || (key.Length >= 4 && Key(t.Name).Contains(key, StringComparison.Ordinal)))
                        .Select(t => t.Name)
                        .ToList()
                    : [];
                warnings.Add(near.Count > 0
                    ? $"The theme \"{Printable(Short(item))}\" is not in the catalogue; it is kept as written for the staff to review. Did you mean {string.Join(" or ", near)}?"
                    : $"The theme \"{Printable(Short(item))}\" is not in the catalogue; it is kept as written for the staff to review. The catalogue's themes are {string.Join(", ", Reference.Themes.All.Select(t => t.Name))}.");
            }

            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        return (codes, warnings.Count > 0 ? string.Join(" ", warnings) : null);
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

    /// <summary>Any language ISO 639 or BCP 47 knows (from the platform's culture data), by code or by English or native name.</summary>
    public static (string? Tag, string? Error) Language(string item)
    {
        if (Reference.Languages.Resolve(item) is { } language)
        {
            return (language.Tag, null);
        }

        var near = Reference.Languages.Suggest(item).Select(l => l.Name).ToList();
        return (null, near.Count > 0
            ? $"Unknown language \"{Printable(Short(item))}\": did you mean {string.Join(" or ", near)}?"
            : $"Unknown language \"{Printable(Short(item))}\": write its English name or its ISO 639 / BCP 47 code (e.g. Spanish or es).");
    }

    /// <summary>A language, or "en" for none needed ("none", "no", "n/a", "-", "English").</summary>
    public static (string? Tag, string? Error) Interpretation(string text) =>
        Key(text) is "none" or "no" or "na" or "" or "notneeded" or "english" or "en" or "eng"
            ? ("en", null)
            : Language(text);

    public static (string? Value, string? Error) FreeText(string text, string what, int max) =>
        text.Length > max
            ? (null, $"The {what} has {text.Length} characters; at most {max} are allowed.")
            : (text, null);

    public static (string? Value, string? Error) Email(string text)
    {
        if (text.Length > MaxEmailLength || !EmailPattern().IsMatch(text))
        {
            return (null, $"Enter an e-mail address such as name@example.org: \"{Printable(Short(text))}\" is not one.");
        }

        return (text, null);
    }

    public static (string? Value, string? Error) Phone(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        if (text.Length > MaxPhoneLength || digits < 6 || !PhonePattern().IsMatch(text))
        {
            return (null, $"\"{Printable(Short(text))}\" is not a phone number: write at most {MaxPhoneLength} characters, digits with an optional +, spaces, dashes or brackets (e.g. +593 2 123 4567).");
        }

        return (CollapseSpaces(text), null);
    }

    /// <summary>Stored as letters and digits only, upper case: "a 123-4567" → "A1234567".</summary>
    public static (string? Value, string? Error) Passport(string text)
    {
        var key = PassportKey(text);
        if (key.Length is < MinPassportLength or > MaxPassportLength || !key.All(char.IsAsciiLetterOrDigit))
        {
            return (null, $"The passport number should have {MinPassportLength} to {MaxPassportLength} letters and digits (spaces and dashes are ignored).");
        }

        return (key, null);
    }

    /// <summary>Upper case, without spaces, dashes and dots: what duplicate checks compare.</summary>
    public static string PassportKey(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 64));
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
    public static string NameKey(string given, string family) => Key(given) + "|" + Key(family);

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

    private const string DateHelp = "write it as YYYY-MM-DD (e.g. 1980-03-12) or with the month's name (12 March 1980)";

    /// <summary>
    /// ISO (1980-03-12, 1980/03/12), day first with dots (12.03.1980), month names in English,
    /// Spanish or French (12 March 1980, March 12, 1980, 12-Mar-1980), and slashes or dashes with
    /// the year last (12/03/1980) when the day is over 12 or equals the month. Otherwise the date is
    /// ambiguous and refused with both readings; two-digit years, impossible days and months, year 0,
    /// digits of other scripts and numbers out of range are refused too, each with a reason.
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
            return (null, $"The date of birth {date.Value:yyyy-MM-dd} (read from \"{Printable(Short(text))}\") is not plausible for an official: check the year.");
        }

        return (date, null);
    }

    private static (DateOnly? Value, string? Error) ParseDate(string text)
    {
        var t = text.Trim();
        var shown = Printable(Short(t));
        if (t.Length > 60)
        {
            return (null, $"\"{shown}\" is not a date: {DateHelp}.");
        }

        if (t.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)))
        {
            return (null, $"The date \"{shown}\" is written with digits of another script: write it with the digits 0–9, e.g. 1980-03-12.");
        }

        if (IsoDate().Match(t) is { Success: true } iso)
        {
            return Make(Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), shown);
        }

        if (NumericDate().Match(t) is { Success: true } numeric)
        {
            var a = Int(numeric.Groups[1].Value);
            var separator = numeric.Groups[2].Value;
            var b = Int(numeric.Groups[3].Value);
            var yearText = numeric.Groups[4].Value;
            if (yearText.Length != 4)
            {
                return (null, $"\"{shown}\" has a two-digit year: {DateHelp}.");
            }

            var year = Int(yearText);
            if (separator == "." || a > 12 || a == b)
            {
                return Make(year, b, a, shown);
            }

            if (b > 12)
            {
                return Make(year, a, b, shown);
            }

            // Both readings have a month from 1 to 12; either may still be impossible (day 0, year 0).
            var dayFirst = Real(year, b, a);
            var monthFirst = Real(year, a, b);
            if (dayFirst is null || monthFirst is null)
            {
                return dayFirst is null && monthFirst is null
                    ? (null, $"\"{shown}\" is not a real date: {DateHelp}.")
                    : (null, $"The date \"{shown}\" is not clear: {DateHelp}.");
            }

            return (null, $"The date \"{shown}\" is ambiguous: it could be {Long(dayFirst.Value)} or {Long(monthFirst.Value)}; {DateHelp}.");
        }

        // Words: a month name, a day (1–31, maybe "12th") and a four-digit year, in any order.
        var tokens = DateTokens().Matches(t.Normalize(NormalizationForm.FormD)).Select(m => m.Value.ToLowerInvariant()).ToList();
        int? month = null, day = null, yr = null;
        foreach (var token in tokens)
        {
            var word = Key(token);
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
                return (null, $"\"{shown}\" is not a date: {DateHelp}.");
            }
        }

        return month is not null && day is not null && yr is not null
            ? Make(yr.Value, month.Value, day.Value, shown)
            : (null, $"\"{shown}\" is not a date: {DateHelp}.");
    }

    /// <summary>The date if it exists (year 1–9999, month 1–12, day within the month); never throws.</summary>
    private static DateOnly? Real(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static (DateOnly?, string?) Make(int year, int month, int day, string shown) =>
        Real(year, month, day) is { } date
            ? (date, null)
            : (null, $"\"{shown}\" is not a real date: {DateHelp}.");

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // Only ever called on 1 to 4 ASCII digits (the patterns say so); anything else reads as 0, an impossible date.
    private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Lower case letters and digits only, accents removed: "Passport No." → "passportno".</summary>
    internal static string Key(string text) => Countries.Normalize(WithoutLoneSurrogates(text));

    private static string CollapseSpaces(string text) => MultipleSpaces().Replace(text, " ");

    private static string Short(string text, int max = 80) => text.Length > max ? text[..max] + "…" : text;

    internal static string Printable(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()./-]+(?:\s*(?:ext\.?|x)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{2}|[0-9]{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"[\p{L}\p{Mn}]+|[0-9]+(?:st|nd|rd|th)?")]
    private static partial Regex DateTokens();

    [GeneratedRegex(@"^([0-9]{1,2})(?:st|nd|rd|th)?$")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
