using Microsoft.AspNetCore.DataProtection;

namespace Tmssw.Core.Participants;

/// <summary>The sensitive fields of a participant, in clear text, for the moment they are needed.</summary>
public sealed record SensitiveValues(string? PassportNumber, DateOnly? DateOfBirth, string? PersonalEmail, string? PersonalPhone)
{
    public static readonly SensitiveValues None = new(null, null, null, null);
}

/// <summary>
/// Encrypts and decrypts passport numbers, dates of birth and personal contact details with ASP.NET
/// Core Data Protection. The keys live in the database, so every app instance and the CLI share
/// them. Reading them is for Admin and assigned Staff only, and callers audit every read.
/// </summary>
public sealed class SensitiveFields(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Tmssw.Participants.Sensitive.v1");

    public void Write(Participant participant, SensitiveValues values)
    {
        participant.PassportNumberProtected = Protect(values.PassportNumber);
        participant.DateOfBirthProtected = Protect(values.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        participant.PersonalEmailProtected = Protect(values.PersonalEmail);
        participant.PersonalPhoneProtected = Protect(values.PersonalPhone);
    }

    public SensitiveValues Read(Participant participant) => new(
        Unprotect(participant.PassportNumberProtected),
        Unprotect(participant.DateOfBirthProtected) is { } dob ? DateOnly.ParseExact(dob, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        Unprotect(participant.PersonalEmailProtected),
        Unprotect(participant.PersonalPhoneProtected));

    /// <summary>What a screen shows before a reveal: the last two characters at most.</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? "" : new string('•', Math.Max(4, value.Length - 2)) + (value.Length > 4 ? value[^2..] : "");

    private string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : protector.Protect(value.Trim());

    private string? Unprotect(string? value) => value is null ? null : protector.Unprotect(value);
}
