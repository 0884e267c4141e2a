namespace Tmssw.Core.Participants;

/// <summary>
/// A participant's fields as text, for field-by-field audit diffs. Sensitive fields appear only as
/// "(set)" or "(empty)" plus a change marker on their ciphertext, never as values.
/// </summary>
public static class ParticipantSnapshot
{
    public static Dictionary<string, string?> Of(Participant p) => new()
    {
        ["GivenName"] = p.GivenName,
        ["FamilyName"] = p.FamilyName,
        ["Country"] = p.Country,
        ["Sector"] = p.Sector,
        ["Agency"] = p.Agency,
        ["Position"] = p.Position,
        ["Themes"] = string.Join(";", p.Themes),
        ["Languages"] = string.Join(";", p.Languages),
        ["InterpretationLanguage"] = p.InterpretationLanguage,
        ["Gender"] = p.Gender,
        ["DietaryNeeds"] = p.DietaryNeeds,
        ["AccessibilityNeeds"] = p.AccessibilityNeeds,
        ["Status"] = p.Status.ToString(),
        ["GroupId"] = p.GroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PassportNumber"] = Marker(p.PassportNumberProtected),
        ["DateOfBirth"] = Marker(p.DateOfBirthProtected),
        ["PersonalEmail"] = Marker(p.PersonalEmailProtected),
        ["PersonalPhone"] = Marker(p.PersonalPhoneProtected),
    };

    // Ciphertext differs on every write, so a short fingerprint of it tells "changed" without the value.
    private static string Marker(string? cipher) =>
        cipher is null ? "(empty)" : "(set " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(cipher)))[..8] + ")";
}
