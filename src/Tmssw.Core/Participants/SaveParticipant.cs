using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Participants;

/// <summary>What a person types into the participant form; lists are comma or semicolon separated.</summary>
public sealed class ParticipantInput
{
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string Country { get; set; } = "";
    public string Gender { get; set; } = "";
    public string Sector { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Position { get; set; } = "";
    public string Themes { get; set; } = "";
    public string Languages { get; set; } = "";
    public string? InterpretationLanguage { get; set; }
    public string? DietaryNeeds { get; set; }
    public string? AccessibilityNeeds { get; set; }

    /// <summary>Write-only: blank keeps what is stored.</summary>
    public string? PassportNumber { get; set; }

    public string? DateOfBirth { get; set; }
    public string? PersonalEmail { get; set; }
    public string? PersonalPhone { get; set; }

    public static ParticipantInput From(Participant p) => new()
    {
        GivenName = p.GivenName,
        FamilyName = p.FamilyName,
        Country = p.Country,
        Gender = p.Gender,
        Sector = p.Sector,
        Agency = p.Agency,
        Position = p.Position,
        Themes = string.Join(", ", p.Themes),
        Languages = string.Join(", ", p.Languages),
        InterpretationLanguage = p.InterpretationLanguage,
        DietaryNeeds = p.DietaryNeeds,
        AccessibilityNeeds = p.AccessibilityNeeds,
    };
}

/// <summary>The saved participant's id, or the problems keyed by the form field they belong to.</summary>
public sealed record SaveOutcome(int? Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    public bool Succeeded => Id is not null && Errors.Count == 0;
}

/// <summary>
/// Creates or edits a participant within the caller's scope: validates every field with a message
/// next to it, keeps names exactly as written (trimmed, NFC), encrypts sensitive values, and records
/// the field-by-field change in the audit log.
/// </summary>
public sealed class SaveParticipant(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit, TimeProvider clock)
{
    public const int MaxName = 100;
    public const int MaxText = 200;

    public async Task<SaveOutcome> RunAsync(UserScope scope, int editionId, int? participantId, ParticipantInput input, CancellationToken cancellationToken = default)
    {
        Participant? participant = null;
        if (participantId is { } id)
        {
            participant = await scope.Participants(db).Include(p => p.History).FirstOrDefaultAsync(p => p.Id == id && p.EditionId == editionId, cancellationToken);
            if (participant is null || !scope.MayEdit(participant))
            {
                return new SaveOutcome(null, new Dictionary<string, string>(), NotFound: true);
            }
        }

        var errors = new Dictionary<string, string>();
        var given = Name(input.GivenName, nameof(input.GivenName), "given name", errors);
        var family = Name(input.FamilyName, nameof(input.FamilyName), "family name", errors);
        var country = Countries.Resolve(input.Country);
        if (country is null)
        {
            var suggestions = string.IsNullOrWhiteSpace(input.Country) ? [] : Countries.Suggest(input.Country);
            errors[nameof(input.Country)] = string.IsNullOrWhiteSpace(input.Country)
                ? "Enter the country (a name or ISO code)."
                : $"'{input.Country}' is not a country we know." + (suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => s.Name))}?" : "");
        }
        else if (!scope.MayNominate(editionId, country.Alpha2))
        {
            errors[nameof(input.Country)] = $"You may nominate participants of {CountryName(scope.Country)} only.";
        }

        var gender = (input.Gender ?? "").Trim().ToUpperInvariant();
        if (gender is not ("F" or "M" or "X"))
        {
            errors[nameof(input.Gender)] = "Choose F, M or X.";
        }

        var sector = (input.Sector ?? "").Trim();
        if (!Sectors.IsKnown(sector))
        {
            errors[nameof(input.Sector)] = $"Choose a sector: {string.Join(", ", Sectors.All.Select(s => s.Code))}.";
        }

        var agency = Text(input.Agency, nameof(input.Agency), "agency", errors, required: true);
        var position = Text(input.Position, nameof(input.Position), "position", errors, required: true);
        var themes = Codes(input.Themes, nameof(input.Themes), t => Themes.Resolve(t)?.Code, "theme", errors);
        var languages = Codes(input.Languages, nameof(input.Languages), l => Reference.Languages.Resolve(l)?.Tag, "language", errors);
        string? interpretation = null;
        if (!string.IsNullOrWhiteSpace(input.InterpretationLanguage))
        {
            interpretation = Reference.Languages.Resolve(input.InterpretationLanguage)?.Tag;
            if (interpretation is null)
            {
                errors[nameof(input.InterpretationLanguage)] = $"'{input.InterpretationLanguage}' is not a language we know; use a BCP 47 tag such as es or fr, or leave it empty for English.";
            }
        }

        var dietary = Text(input.DietaryNeeds, nameof(input.DietaryNeeds), "dietary needs", errors, required: false);
        var accessibility = Text(input.AccessibilityNeeds, nameof(input.AccessibilityNeeds), "accessibility needs", errors, required: false);

        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(input.DateOfBirth))
        {
            if (DateOnly.TryParseExact(input.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                && d.Year >= 1900 && d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            {
                dob = d;
            }
            else
            {
                errors[nameof(input.DateOfBirth)] = "Enter the date of birth as YYYY-MM-DD, e.g. 1980-03-12.";
            }
        }

        if (!string.IsNullOrWhiteSpace(input.PersonalEmail) && !IsEmail(input.PersonalEmail.Trim()))
        {
            errors[nameof(input.PersonalEmail)] = "Enter an e-mail address such as name@example.org.";
        }

        if (!string.IsNullOrWhiteSpace(input.PassportNumber) && input.PassportNumber.Trim().Length > 20)
        {
            errors[nameof(input.PassportNumber)] = "A passport number has at most 20 characters.";
        }

        if (!string.IsNullOrWhiteSpace(input.PersonalPhone) && input.PersonalPhone.Trim().Length > 30)
        {
            errors[nameof(input.PersonalPhone)] = "A phone number has at most 30 characters.";
        }

        if (errors.Count > 0)
        {
            return new SaveOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        var isNew = participant is null;
        participant ??= new Participant { EditionId = editionId, CreatedAt = now };
        var before = isNew ? new Dictionary<string, string?>() : ParticipantSnapshot.Of(participant);
        participant.GivenName = given;
        participant.FamilyName = family;
        participant.Country = country!.Alpha2;
        participant.Region = country.WorldRegion;
        participant.Gender = gender;
        participant.Sector = sector;
        participant.Agency = agency ?? "";
        participant.Position = position ?? "";
        participant.Themes = themes;
        participant.Languages = languages;
        participant.InterpretationLanguage = interpretation;
        participant.DietaryNeeds = dietary;
        participant.AccessibilityNeeds = accessibility;
        participant.UpdatedAt = now;

        // Sensitive values: a blank field keeps what is stored (nobody has to retype a passport).
        var stored = isNew ? SensitiveValues.None : sensitive.Read(participant);
        var next = new SensitiveValues(
            Blank(input.PassportNumber) ? stored.PassportNumber : input.PassportNumber!.Trim(),
            dob ?? stored.DateOfBirth,
            Blank(input.PersonalEmail) ? stored.PersonalEmail : input.PersonalEmail!.Trim(),
            Blank(input.PersonalPhone) ? stored.PersonalPhone : input.PersonalPhone!.Trim());
        if (next != stored)
        {
            sensitive.Write(participant, next);
        }

        if (isNew)
        {
            db.Participants.Add(participant);
        }

        await db.SaveChangesAsync(cancellationToken);
        var changes = AuditLog.Diff(before, ParticipantSnapshot.Of(participant));
        if (changes.Count > 0)
        {
            audit.Record(scope.Actor, isNew ? "Created" : "Updated", nameof(Participant), participant.Id.ToString(CultureInfo.InvariantCulture), changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SaveOutcome(participant.Id, new Dictionary<string, string>());
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static string CountryName(string? code) => Countries.FindByCode(code)?.Name ?? code ?? "your country";

    private static string Name(string? value, string field, string label, Dictionary<string, string> errors)
    {
        var v = (value ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (v.Length == 0)
        {
            errors[field] = $"Enter the {label}.";
        }
        else if (v.Length > MaxName)
        {
            errors[field] = $"The {label} has {v.Length} characters; at most {MaxName} fit.";
        }

        return v;
    }

    private static string? Text(string? value, string field, string label, Dictionary<string, string> errors, bool required)
    {
        var v = (value ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (v.Length == 0)
        {
            if (required)
            {
                errors[field] = $"Enter the {label}.";
            }

            return null;
        }

        if (v.Length > MaxText)
        {
            errors[field] = $"The {label} has {v.Length} characters; at most {MaxText} fit.";
        }

        return v;
    }

    private static List<string> Codes(string? value, string field, Func<string, string?> resolve, string label, Dictionary<string, string> errors)
    {
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var part in (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (resolve(part) is { } code)
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                unknown.Add(part);
            }
        }

        if (unknown.Count > 0)
        {
            errors[field] = $"Unknown {label}{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}.";
        }

        return codes;
    }

    internal static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
