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

    /// <summary>
    /// The version the person started editing (<see cref="Participant.Version"/>); a save from an older
    /// version is a conflict. Null (a new participant, or an API client that does not send it) skips the check.
    /// </summary>
    public int? Version { get; set; }

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
        Version = p.Version,
    };
}

/// <summary>
/// Someone else saved the participant since the person opened the form: nothing was saved; the other
/// save as it now stands (and its version, to save over it knowingly), beside what the person typed.
/// </summary>
public sealed record SaveConflict(ParticipantInput Stored, int StoredVersion, string? ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The saved participant's id, or the problems keyed by the form field they belong to.</summary>
public sealed record SaveOutcome(int? Id, IReadOnlyDictionary<string, string> Errors, bool NotFound = false)
{
    /// <summary>Set when another save came first (optimistic concurrency); nothing was saved.</summary>
    public SaveConflict? Conflict { get; init; }

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

        if (participant is not null && input.Version is { } seen && seen != participant.Version)
        {
            return await ConflictAsync(participant, cancellationToken);
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
        if (!isNew)
        {
            // The version read is the one the UPDATE must still find: a save that slipped in between
            // the read and this write makes it touch no row (DbUpdateConcurrencyException below).
            db.Entry(participant).Property(p => p.Version).OriginalValue = participant.Version;
            participant.Version++;
        }

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

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var latest = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == participant.Id, cancellationToken);
            return await ConflictAsync(latest, cancellationToken);
        }

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


    private async Task<SaveOutcome> ConflictAsync(Participant stored, CancellationToken cancellationToken)
    {
        var id = stored.Id.ToString(CultureInfo.InvariantCulture);
        var by = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Participant) && a.EntityId == id)
            .OrderByDescending(a => a.Id).Select(a => a.UserName).FirstOrDefaultAsync(cancellationToken);
        var conflict = new SaveConflict(ParticipantInput.From(stored), stored.Version, by, stored.UpdatedAt);
        return new SaveOutcome(null, new Dictionary<string, string>()) { Conflict = conflict };
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
