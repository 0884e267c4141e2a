using System.Globalization;
using System.Text;

namespace Tmssw.Core.Participants.Import;

/// <summary>The columns a nominations file may have.</summary>
public enum NominationField
{
    GivenName,
    FamilyName,
    Country,
    Gender,
    Email,
    Passport,
    DateOfBirth,
    Phone,
    Agency,
    Position,
    Sector,
    Themes,
    Languages,
    Interpretation,
    Dietary,
    Accessibility,

    /// <summary>Columns of the roster export (Id, Status, Group, Region): recognized and not imported.</summary>
    ExportOnly,
}

/// <summary>Header names and their synonyms, matched ignoring case, accents, spaces and punctuation.</summary>
public static class ColumnMap
{
    public static readonly IReadOnlyList<NominationField> Required =
        [NominationField.GivenName, NominationField.FamilyName, NominationField.Country, NominationField.Gender];

    /// <summary>The header the roster export writes for each field; the importer accepts every one.</summary>
    public static string Title(NominationField field) => field switch
    {
        NominationField.GivenName => "Given name",
        NominationField.FamilyName => "Family name",
        NominationField.Country => "Country",
        NominationField.Gender => "Gender",
        NominationField.Email => "Personal email",
        NominationField.Passport => "Passport number",
        NominationField.DateOfBirth => "Date of birth",
        NominationField.Phone => "Phone",
        NominationField.Agency => "Agency",
        NominationField.Position => "Position",
        NominationField.Sector => "Sector",
        NominationField.Themes => "Themes",
        NominationField.Languages => "Languages",
        NominationField.Interpretation => "Interpretation",
        NominationField.Dietary => "Dietary needs",
        NominationField.Accessibility => "Accessibility",
        _ => field.ToString(),
    };

    private static readonly Dictionary<string, NominationField> Synonyms = Build(new()
    {
        [NominationField.GivenName] = ["Given name", "Given names", "First name", "First names", "Forename", "Forenames", "Firstname", "Name (given)"],
        [NominationField.FamilyName] = ["Family name", "Surname", "Surnames", "Last name", "Lastname", "Family names", "Name (family)"],
        [NominationField.Country] = ["Country", "Nationality", "Country code", "Country of nationality", "Citizenship"],
        [NominationField.Gender] = ["Gender", "Sex"],
        [NominationField.Email] = ["E-mail", "Email", "Personal email", "Personal e-mail", "Email address", "E-mail address", "Mail"],
        [NominationField.Passport] = ["Passport", "Passport number", "Passport No.", "Passport no", "Passport #", "Passport num"],
        [NominationField.DateOfBirth] = ["Date of birth", "DOB", "D.O.B.", "Birth date", "Birthdate", "Born"],
        [NominationField.Phone] = ["Phone", "Mobile", "Personal phone", "Phone number", "Mobile number", "Telephone", "Cell", "Cell phone", "WhatsApp"],
        [NominationField.Agency] = ["Agency", "Organization", "Organisation", "Institution", "Ministry", "Employer"],
        [NominationField.Position] = ["Position", "Title", "Job title", "Rank", "Function", "Role"],
        [NominationField.Sector] = ["Sector"],
        [NominationField.Themes] = ["Themes", "Theme", "Expertise", "Areas of expertise", "Topics"],
        [NominationField.Languages] = ["Languages", "Language", "Languages spoken", "Spoken languages"],
        [NominationField.Interpretation] = ["Interpretation", "Interpretation language", "Interpreter", "Interpreting", "Needs interpretation into"],
        [NominationField.Dietary] = ["Dietary", "Dietary needs", "Dietary requirements", "Diet", "Dietary restrictions", "Food"],
        [NominationField.Accessibility] = ["Accessibility", "Accessibility needs", "Access needs", "Disability", "Mobility needs"],
        [NominationField.ExportOnly] = ["Id", "Participant id", "Status", "Group", "Region"],
    });

    private static Dictionary<string, NominationField> Build(Dictionary<NominationField, string[]> names)
    {
        var map = new Dictionary<string, NominationField>();
        foreach (var (field, list) in names)
        {
            foreach (var name in list)
            {
                if (map.TryGetValue(Key(name), out var other) && other != field)
                {
                    throw new InvalidOperationException($"The header \"{name}\" names both {other} and {field}.");
                }

                map[Key(name)] = field;
            }
        }

        return map;
    }

    /// <summary>The field a header names, or null.</summary>
    public static NominationField? Match(string header)
    {
        var key = Key(ImportValues.Unguard(header));
        return key.Length > 0 && Synonyms.TryGetValue(key, out var field) ? field : null;
    }

    /// <summary>Lower case letters and digits only, accents removed: "Passport No." → "passportno".</summary>
    internal static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark && char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return sb.ToString();
    }
}
