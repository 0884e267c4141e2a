using Tmssw.Core.Participants.Export;

namespace Tmssw.Core.Participants.Import;

/// <summary>
/// Reads one cell of a nominations file into a value, or says in a sentence what is wrong with it.
/// The rules themselves are <see cref="ParticipantRules"/>, the same for the form, the API, the
/// import and the demo loader; this adds only what is particular to a file (the formula guard).
/// </summary>
public static class ImportValues
{
    public const int MaxNameLength = ParticipantRules.MaxNameLength;
    public const int MaxTextLength = ParticipantRules.MaxTextLength;
    public const int MaxNeedsLength = ParticipantRules.MaxNeedsLength;

    /// <summary>
    /// Trimmed, NFC-normalized, line breaks as \n (XLSX keeps no \r), with one formula-neutralizing
    /// quote removed (see <see cref="FormulaGuard"/>).
    /// </summary>
    public static string Clean(string raw) => ParticipantRules.Normalize(Unguard(raw.Trim()));

    public static string Unguard(string raw) => FormulaGuard.Unguard(raw);

    public static (string? Value, string? Error) Name(string text, string what) => ParticipantRules.Name(text, what);

    public static (string? Alpha2, string? Error) Country(string text) => ParticipantRules.Country(text);

    public static (string? Gender, string? Error) Gender(string text) => ParticipantRules.Gender(text);

    /// <summary>A known sector's code, or the word as written with a warning.</summary>
    public static (string Code, string? Warning) Sector(string text) => ParticipantRules.Sector(text);

    public static IEnumerable<string> Items(string text) => ParticipantRules.Items(text);

    /// <summary>Known themes as codes; unknown ones kept as written, with a warning.</summary>
    public static (List<string> Codes, string? Warning) Themes(string text) => ParticipantRules.Themes(text);

    public static (List<string>? Tags, string? Error) Languages(string text) => ParticipantRules.Languages(text);

    public static (string? Tag, string? Error) Language(string item) => ParticipantRules.Language(item);

    public static (string? Tag, string? Error) Interpretation(string text) => ParticipantRules.Interpretation(text);

    public static (string? Value, string? Error) FreeText(string text, string what, int max) => ParticipantRules.FreeText(text, what, max);

    public static (string? Value, string? Error) Email(string text) => ParticipantRules.Email(text);

    public static (string? Value, string? Error) Phone(string text) => ParticipantRules.Phone(text);

    public static (string? Value, string? Error) Passport(string text) => ParticipantRules.Passport(text);

    public static string PassportKey(string text) => ParticipantRules.PassportKey(text);

    public static string NameKey(string given, string family) => ParticipantRules.NameKey(given, family);

    public static (DateOnly? Value, string? Error) DateOfBirth(string text, DateOnly today) => ParticipantRules.DateOfBirth(text, today);

    internal static string Printable(string text) => ParticipantRules.Printable(text);
}
