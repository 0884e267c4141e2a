using System.Globalization;
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

    /// <summary>The form as text for <see cref="ParticipantRules"/>.</summary>
    public ParticipantText ToText() => new(
        GivenName, FamilyName, Country, Gender, Sector, Agency, Position, Themes, Languages, InterpretationLanguage,
        DietaryNeeds, AccessibilityNeeds, PassportNumber, DateOfBirth, PersonalEmail, PersonalPhone);

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
    /// <summary>Saved, with a word to look at: a sector or theme the catalogue lacks, kept as written.</summary>
    public IReadOnlyDictionary<string, string> Warnings { get; init; } = new Dictionary<string, string>();

    public bool Succeeded => Id is not null && Errors.Count == 0;
}

/// <summary>
/// Creates or edits a participant within the caller's scope: validates every field with a message
/// next to it, keeps names exactly as written (trimmed, NFC), encrypts sensitive values, and records
/// the field-by-field change in the audit log.
/// </summary>
public sealed class SaveParticipant(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit, TimeProvider clock, Mail.Outbox outbox)
{
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

        // The one set of participant rules: the same as the import's and the demo loader's.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var check = ParticipantRules.Check(input.ToText(), today);
        var errors = new Dictionary<string, string>();
        foreach (var issue in check.Errors)
        {
            errors.TryAdd(FormField(issue.Field), issue.Message);
        }

        var values = check.Values;
        var country = values?.Country ?? ParticipantRules.Country(ParticipantRules.Normalize(input.Country)).Alpha2;
        if (country is not null && !errors.ContainsKey(nameof(input.Country)) && !scope.MayNominate(editionId, country))
        {
            errors[nameof(input.Country)] = $"You may nominate participants of {CountryName(scope.Country)} only.";
        }

        if (errors.Count > 0 || values is null)
        {
            return new SaveOutcome(null, errors);
        }

        var warnings = check.Warnings.GroupBy(w => FormField(w.Field)).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(w => w.Message)));
        var now = clock.GetUtcNow();
        var isNew = participant is null;
        participant ??= new Participant { EditionId = editionId, CreatedAt = now };
        var before = isNew ? new Dictionary<string, string?>() : ParticipantSnapshot.Of(participant);
        var place = Countries.FindByCode(values.Country)!;
        participant.GivenName = values.GivenName;
        participant.FamilyName = values.FamilyName;
        participant.Country = place.Alpha2;
        participant.Region = place.WorldRegion;
        participant.Gender = values.Gender;
        participant.Sector = values.Sector ?? "";
        participant.Agency = values.Agency ?? "";
        participant.Position = values.Position ?? "";
        participant.Themes = values.Themes?.ToList() ?? [];
        participant.Languages = values.Languages?.ToList() ?? [];
        participant.InterpretationLanguage = values.InterpretationLanguage is null or "en" ? null : values.InterpretationLanguage;
        participant.DietaryNeeds = values.DietaryNeeds;
        participant.AccessibilityNeeds = values.AccessibilityNeeds;
        participant.UpdatedAt = now;

        // Sensitive values: a blank field keeps what is stored (nobody has to retype a passport).
        var stored = isNew ? SensitiveValues.None : sensitive.Read(participant);
        var next = new SensitiveValues(
            values.PassportNumber ?? stored.PassportNumber,
            values.DateOfBirth ?? stored.DateOfBirth,
            values.PersonalEmail ?? stored.PersonalEmail,
            values.PersonalPhone ?? stored.PersonalPhone);
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
            if (isNew)
            {
                await outbox.AddForAsync([participant], Mail.MailTemplate.NominationReceived, $"nomination by {scope.Name}", ct: cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new SaveOutcome(participant.Id, new Dictionary<string, string>()) { Warnings = warnings };
    }


    private static string CountryName(string? code) => Countries.FindByCode(code)?.Name ?? code ?? "your country";

    /// <summary>The form's field a rule speaks of.</summary>
    private static string FormField(ParticipantField field) => field switch
    {
        ParticipantField.GivenName => nameof(ParticipantInput.GivenName),
        ParticipantField.FamilyName => nameof(ParticipantInput.FamilyName),
        ParticipantField.Country => nameof(ParticipantInput.Country),
        ParticipantField.Gender => nameof(ParticipantInput.Gender),
        ParticipantField.Sector => nameof(ParticipantInput.Sector),
        ParticipantField.Agency => nameof(ParticipantInput.Agency),
        ParticipantField.Position => nameof(ParticipantInput.Position),
        ParticipantField.Themes => nameof(ParticipantInput.Themes),
        ParticipantField.Languages => nameof(ParticipantInput.Languages),
        ParticipantField.InterpretationLanguage => nameof(ParticipantInput.InterpretationLanguage),
        ParticipantField.DietaryNeeds => nameof(ParticipantInput.DietaryNeeds),
        ParticipantField.AccessibilityNeeds => nameof(ParticipantInput.AccessibilityNeeds),
        ParticipantField.PassportNumber => nameof(ParticipantInput.PassportNumber),
        ParticipantField.DateOfBirth => nameof(ParticipantInput.DateOfBirth),
        ParticipantField.PersonalEmail => nameof(ParticipantInput.PersonalEmail),
        _ => nameof(ParticipantInput.PersonalPhone),
    };
}
