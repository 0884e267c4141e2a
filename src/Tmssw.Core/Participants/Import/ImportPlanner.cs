using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Participants.Import;

/// <summary>A row's plan: the preview row, plus the tracked participant it updates.</summary>
internal sealed record PlannedRow(ImportPreviewRow Preview, Participant? Target, SensitiveValues? TargetSensitive);

/// <summary>A row that matched a participant through a sensitive field (passport number or date of birth).</summary>
internal sealed record SensitiveMatch(int Line, int ParticipantId, string Through, bool Hidden);

internal sealed record ImportPlan(ImportPreview Preview, Edition? Edition, IReadOnlyList<PlannedRow> Rows)
{
    public IReadOnlyList<SensitiveMatch> SensitiveMatches { get; init; } = [];
}

/// <summary>
/// Reads the file, loads the edition's participants once (those the caller may see), decrypts their
/// passports and dates of birth once, and decides every row's action. Shared by preview and commit.
/// </summary>
internal sealed class ImportPlanner(TmsswDbContext db, SensitiveFields sensitive, TimeProvider clock)
{
    private sealed record Existing(Participant Participant, SensitiveValues Clear, string NameKey);

    public async Task<ImportPlan> PlanAsync(UserScope scope, ImportSource source, ImportOptions options, bool track, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress("reading", 0, 0));
        var table = NominationTable.Read(source.Content, source.FileName, source.Sheet);
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == options.EditionYear, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reader = NominationReader.Open(table, today);
        var fileErrors = reader.FileErrors;
        if (edition is null)
        {
            fileErrors.Insert(0, new ImportIssue(table.Header.Line, null, "", $"There is no edition {options.EditionYear}: create it first, or name another year."));
        }
        else if (!scope.MayImportInto(edition.Id))
        {
            fileErrors.Insert(0, new ImportIssue(table.Header.Line, null, "", $"You may not nominate participants to the {edition.Year} edition: Admins, the edition's Staff and Nominators may."));
        }

        if (fileErrors.Count > 0)
        {
            return new ImportPlan(Preview(edition, options, source, table, reader, []), edition, []);
        }

        // The edition's participants the caller may see, once; their sensitive values decrypted once.
        var query = scope.Participants(db).Where(p => p.EditionId == edition!.Id);
        var loaded = await (track ? query : query.AsNoTracking()).ToListAsync(ct);
        var existing = loaded.Select(p => new Existing(p, sensitive.Read(p), ImportValues.NameKey(p.GivenName, p.FamilyName))).ToList();
        var byPassport = existing
            .Where(e => e.Clear.PassportNumber is not null)
            .GroupBy(e => ImportValues.PassportKey(e.Clear.PassportNumber!))
            .ToDictionary(g => g.Key, g => g.First());
        var byName = existing.ToLookup(e => e.NameKey + "|" + e.Participant.Country);
        var mayReveal = scope.MaySeeSensitive(edition!.Id);
        var mayMatch = scope.MaySeeSensitiveMatches(edition.Id);
        var sensitiveMatches = new List<SensitiveMatch>();

        var rows = new List<PlannedRow>();
        var filePassports = new Dictionary<string, ReadRow>();
        var fileNames = new Dictionary<string, List<ReadRow>>();
        var matchedBy = new Dictionary<int, int>();
        progress?.Report(new ImportProgress("checking", 0, table.Rows.Count));
        var read = reader.Rows().ToList();
        var done = 0;
        foreach (var r in read)
        {
            ct.ThrowIfCancellationRequested();
            var errors = r.Errors;

            // The same person twice in the file: the later row is an error to fix.
            var twiceByPassport = false;
            if (r.PassportKey is not null)
            {
                if (filePassports.TryGetValue(r.PassportKey, out var first))
                {
                    twiceByPassport = true;
                    errors.Add(new ImportIssue(r.Line, reader.CellOf(NominationField.Passport, r.Line), reader.ColumnTitle(NominationField.Passport),
                        $"The same passport number is on line {first.Line}: the file nominates the same person twice; keep one of the rows."));
                }
                else
                {
                    filePassports[r.PassportKey] = r;
                }
            }

            if (r.NameKey is not null && r.Country is not null)
            {
                var key = r.NameKey + "|" + r.Country;
                if (!twiceByPassport
                    && fileNames.TryGetValue(key, out var same)
                    && same.FirstOrDefault(o => (o.DateOfBirth is null || r.DateOfBirth is null || o.DateOfBirth == r.DateOfBirth)
                        && (o.PassportKey is null || r.PassportKey is null || o.PassportKey == r.PassportKey)) is { } twin)
                {
                    errors.Add(new ImportIssue(r.Line, reader.CellOf(NominationField.GivenName, r.Line), reader.ColumnTitle(NominationField.GivenName),
                        $"The same name, country and date of birth are on line {twin.Line}: the file nominates the same person twice; keep one of the rows."));
                }

                if (!fileNames.TryGetValue(key, out var list))
                {
                    fileNames[key] = list = [];
                }

                list.Add(r);
            }

            // Scope: a Nominator nominates for their own country only.
            if (r.Values is { } v && !scope.MayNominate(edition.Id, v.Country))
            {
                errors.Add(new ImportIssue(r.Line, reader.CellOf(NominationField.Country, r.Line), reader.ColumnTitle(NominationField.Country),
                    $"You nominate for {scope.Country} only; this row is for {v.Country}. Send it to that country's nominator or to the program staff."));
            }

            if (errors.Count > 0 || r.Values is null)
            {
                rows.Add(new PlannedRow(new ImportPreviewRow(r.Line, r.Cell, ImportAction.Invalid, errors, r.Values, null, null) { Warnings = r.Warnings }, null, null));
                continue;
            }

            var values = r.Values;
            var candidates = byName[r.NameKey + "|" + values.Country];
            var (match, kind) = r.PassportKey is not null && byPassport.TryGetValue(r.PassportKey, out var byPass)
                ? (byPass, DuplicateKind.Passport)
                : (candidates.FirstOrDefault(e =>
                        (e.Clear.DateOfBirth is null || values.DateOfBirth is null || e.Clear.DateOfBirth == values.DateOfBirth)
                        && (e.Clear.PassportNumber is null || r.PassportKey is null || ImportValues.PassportKey(e.Clear.PassportNumber) == r.PassportKey)),
                    DuplicateKind.NameDateOfBirthCountry);

            // No oracle: for a caller who may not see passports and dates of birth, any match that
            // rests on one of them, and any same-name participant whose date of birth or passport was
            // compared (equal or not), is only a possible duplicate, so the answer cannot confirm a value.
            var compared = kind == DuplicateKind.Passport ? match
                : match is not null && match.Clear.DateOfBirth is not null && values.DateOfBirth is not null ? match
                : mayMatch ? null
                : candidates.FirstOrDefault(e => (e.Clear.DateOfBirth is not null && values.DateOfBirth is not null)
                    || (e.Clear.PassportNumber is not null && r.PassportKey is not null));
            if (compared is not null)
            {
                var through = kind == DuplicateKind.Passport && match is not null ? "passport number"
                    : compared.Clear.DateOfBirth is not null && values.DateOfBirth is not null ? "date of birth"
                    : "passport number";
                sensitiveMatches.Add(new SensitiveMatch(r.Line, compared.Participant.Id, through, Hidden: !mayMatch));
            }

            var choice = options.Choices?.GetValueOrDefault(r.Line);
            if (compared is not null && !mayMatch)
            {
                rows.Add(new PlannedRow(
                    new ImportPreviewRow(r.Line, r.Cell, ImportAction.Skip, errors, values, null, "Possible duplicate: staff will review.") { Warnings = r.Warnings, PossibleDuplicate = true },
                    null,
                    null));
                continue;
            }

            if (match is null)
            {
                var action = choice == ImportAction.Skip ? ImportAction.Skip : ImportAction.Add;
                rows.Add(new PlannedRow(new ImportPreviewRow(r.Line, r.Cell, action, errors, values, null, action == ImportAction.Skip ? "Left out by choice." : null) { Warnings = r.Warnings }, null, null));
                continue;
            }

            var p = match.Participant;
            var refused = scope.MayEdit(p) ? null : $"{p.FullName} is already {p.Status}: only the program staff can change the record now.";
            var changes = ParticipantUpdate.Changes(p, match.Clear, values);
            var duplicate = new DuplicateMatch(kind, View(p, match.Clear, mayReveal), changes, refused);
            if (matchedBy.TryGetValue(p.Id, out var otherLine))
            {
                errors.Add(new ImportIssue(r.Line, r.Cell, reader.ColumnTitle(NominationField.GivenName),
                    $"Line {otherLine} already matches {p.FullName} (#{p.Id}); two rows cannot update the same participant."));
                rows.Add(new PlannedRow(new ImportPreviewRow(r.Line, r.Cell, ImportAction.Invalid, errors, values, duplicate, null) { Warnings = r.Warnings }, null, null));
                continue;
            }

            matchedBy[p.Id] = r.Line;
            var wantsUpdate = choice switch
            {
                ImportAction.Update => true,
                ImportAction.Skip => false,
                _ => options.UpdateDuplicates,
            };
            var (finalAction, note) = (wantsUpdate, refused, changes.Count) switch
            {
                (false, _, _) => (ImportAction.Skip, $"Already in the edition as #{p.Id}; skipped."),
                (true, _, 0) => (ImportAction.Skip, $"Identical to #{p.Id}; nothing to update."),
                (true, null, _) => (ImportAction.Update, null),
                _ => (ImportAction.Invalid, (string?)null),
            };
            if (finalAction == ImportAction.Invalid)
            {
                errors.Add(new ImportIssue(r.Line, r.Cell, reader.ColumnTitle(NominationField.GivenName), refused!));
            }

            rows.Add(new PlannedRow(new ImportPreviewRow(r.Line, r.Cell, finalAction, errors, values, duplicate, note) { Warnings = r.Warnings }, p, match.Clear));
            if (++done % 500 == 0)
            {
                progress?.Report(new ImportProgress("checking", done, read.Count));
            }
        }

        progress?.Report(new ImportProgress("checking", read.Count, read.Count));
        return new ImportPlan(Preview(edition, options, source, table, reader, rows.Select(r => r.Preview).ToList()), edition, rows) { SensitiveMatches = sensitiveMatches };
    }

    /// <summary>
    /// Every preview or commit that matched a row through a passport number or a date of birth leaves
    /// an audit entry: who, which file, which lines matched which participants, and through what.
    /// </summary>
    public static void RecordSensitiveMatches(AuditLog audit, Actor actor, ImportPlan plan, string fileName, string stage)
    {
        if (plan.SensitiveMatches.Count == 0 || plan.Edition is null)
        {
            return;
        }

        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        audit.Record(actor, "ImportMatchedSensitive", "Edition", plan.Edition.Year.ToString(invariant),
        [
            new FieldChange("File", null, fileName),
            new FieldChange("Stage", null, stage),
            new FieldChange("Matches", null, string.Join("; ", plan.SensitiveMatches.Select(m =>
                $"line {m.Line.ToString(invariant)} → #{m.ParticipantId.ToString(invariant)} through {m.Through}{(m.Hidden ? " (shown as a possible duplicate)" : "")}"))),
        ]);
    }

    private static ImportPreview Preview(Edition? edition, ImportOptions options, ImportSource source, RawTable table, NominationReader reader, IReadOnlyList<ImportPreviewRow> rows) =>
        new(edition?.Id ?? 0, options.EditionYear, source.FileName, table.Format, table.Sheet, reader.ColumnsMatched, reader.FileErrors, reader.Warnings, rows);

    private static ExistingParticipant View(Participant p, SensitiveValues clear, bool reveal)
    {
        string? Show(string? value) => value is null ? null : reveal ? value : SensitiveFields.Mask(value);
        return new ExistingParticipant(p.Id, p.GivenName, p.FamilyName, p.Country, p.Agency, p.Position, p.Status,
            Show(clear.PassportNumber), Show(clear.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Show(clear.PersonalEmail));
    }
}

/// <summary>Applies a row's values to a participant: empty cells leave fields as they are.</summary>
internal static class ParticipantUpdate
{
    public static void Apply(Participant p, NominationValues v)
    {
        p.GivenName = v.GivenName;
        p.FamilyName = v.FamilyName;
        p.Country = v.Country;
        p.Region = Reference.Countries.FindByCode(v.Country)!.WorldRegion;
        p.Gender = v.Gender;
        p.Sector = v.Sector ?? p.Sector;
        p.Agency = v.Agency ?? p.Agency;
        p.Position = v.Position ?? p.Position;
        p.Themes = v.Themes?.ToList() ?? p.Themes;
        p.Languages = v.Languages?.ToList() ?? p.Languages;
        p.InterpretationLanguage = v.InterpretationLanguage is null ? p.InterpretationLanguage : v.InterpretationLanguage == "en" ? null : v.InterpretationLanguage;
        p.DietaryNeeds = v.DietaryNeeds ?? p.DietaryNeeds;
        p.AccessibilityNeeds = v.AccessibilityNeeds ?? p.AccessibilityNeeds;
    }

    /// <summary>The sensitive values after the update: the row's where given, the current ones otherwise.</summary>
    public static SensitiveValues Merge(SensitiveValues current, NominationValues v) => new(
        v.PassportNumber ?? current.PassportNumber,
        v.DateOfBirth ?? current.DateOfBirth,
        v.PersonalEmail ?? current.PersonalEmail,
        v.PersonalPhone ?? current.PersonalPhone);

    /// <summary>What an update would change; sensitive fields as "(set)"/"(changed)" only.</summary>
    public static IReadOnlyList<FieldChange> Changes(Participant existing, SensitiveValues clear, NominationValues v)
    {
        var copy = new Participant
        {
            GivenName = existing.GivenName, FamilyName = existing.FamilyName, Country = existing.Country, Sector = existing.Sector,
            Agency = existing.Agency, Position = existing.Position, Themes = existing.Themes, Languages = existing.Languages,
            InterpretationLanguage = existing.InterpretationLanguage, Gender = existing.Gender, DietaryNeeds = existing.DietaryNeeds,
            AccessibilityNeeds = existing.AccessibilityNeeds, Status = existing.Status, GroupId = existing.GroupId,
        };
        Apply(copy, v);
        var changes = AuditLog.Diff(Plain(existing), Plain(copy)).ToList();
        var merged = Merge(clear, v);
        void Sensitive(string field, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add(new FieldChange(field, before is null ? "(empty)" : "(set)", "(changed)"));
            }
        }

        Sensitive("PassportNumber", clear.PassportNumber, merged.PassportNumber);
        Sensitive("DateOfBirth", clear.DateOfBirth, merged.DateOfBirth);
        Sensitive("PersonalEmail", clear.PersonalEmail, merged.PersonalEmail);
        Sensitive("PersonalPhone", clear.PersonalPhone, merged.PersonalPhone);
        return changes;
    }

    private static Dictionary<string, string?> Plain(Participant p)
    {
        var snapshot = ParticipantSnapshot.Of(p);
        foreach (var key in new[] { "PassportNumber", "DateOfBirth", "PersonalEmail", "PersonalPhone" })
        {
            snapshot.Remove(key);
        }

        return snapshot;
    }
}
