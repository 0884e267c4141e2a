using Tmssw.Core.Auditing;

namespace Tmssw.Core.Participants.Import;

/// <summary>A nominations file as uploaded: its bytes and name (the name's extension and the bytes decide CSV or XLSX).</summary>
public sealed record ImportSource(byte[] Content, string FileName, string? Sheet = null)
{
    public static async Task<ImportSource> FromFileAsync(string path, string? sheet = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return new ImportSource(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path), sheet);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableFileException($"cannot read {path}: {e.Message}", e);
        }
    }
}

/// <summary>What to do with a row: the preview proposes, the caller may choose per row.</summary>
public enum ImportAction
{
    Add,
    Update,
    Skip,
    Invalid,
}

/// <summary>
/// How to import. <see cref="UpdateDuplicates"/> is the default for rows that match a participant
/// of the edition (skip them, or update them); <see cref="Choices"/> overrides it per row (by line):
/// Skip leaves any row out, Update applies a duplicate row to the participant it matches, Add asks
/// for the proposed action.
/// </summary>
public sealed record ImportOptions(int EditionYear, bool UpdateDuplicates = false, IReadOnlyDictionary<int, ImportAction>? Choices = null)
{
    /// <summary>Rows saved per round trip inside the one transaction.</summary>
    public int BatchSize { get; init; } = 1000;
}

/// <summary>
/// A problem on a row (or the file, with <see cref="Line"/> the header's): the physical CSV line
/// where the record starts or the XLSX row, the cell reference for XLSX ("C7"), the column as the
/// file names it, and what to do about it.
/// </summary>
public sealed record ImportIssue(int Line, string? Cell, string Column, string Message);

/// <summary>How a row matched a participant of the edition or an earlier row of the file.</summary>
public enum DuplicateKind
{
    /// <summary>The same passport number (ignoring case, spaces and dashes).</summary>
    Passport,

    /// <summary>The same name (ignoring case, accents and spacing) and country, and dates of birth that do not differ.</summary>
    NameDateOfBirthCountry,
}

/// <summary>The existing participant as a preview shows it next to the row; sensitive values masked unless the caller may see them.</summary>
public sealed record ExistingParticipant(
    int Id,
    string GivenName,
    string FamilyName,
    string Country,
    string Agency,
    string Position,
    NominationStatus Status,
    string? PassportNumber,
    string? DateOfBirth,
    string? PersonalEmail);

/// <summary>
/// The participant a duplicate row matches, what an update would change (sensitive fields shown as
/// "(changed)"), and why an update is refused when it is (a Nominator after vetting).
/// </summary>
public sealed record DuplicateMatch(
    DuplicateKind Kind,
    ExistingParticipant Existing,
    IReadOnlyList<FieldChange> Changes,
    string? UpdateRefused);

/// <summary>
/// The values a valid row carries, in clear text (as the preview shows them to the caller). Null is
/// "the cell is empty": an update leaves that field as it is. An interpretation language of "en"
/// means the person works in English (no interpretation).
/// </summary>
public sealed record NominationValues(
    string GivenName,
    string FamilyName,
    string Country,
    string Gender,
    string? Sector,
    string? Agency,
    string? Position,
    IReadOnlyList<string>? Themes,
    IReadOnlyList<string>? Languages,
    string? InterpretationLanguage,
    string? DietaryNeeds,
    string? AccessibilityNeeds,
    string? PassportNumber,
    DateOnly? DateOfBirth,
    string? PersonalEmail,
    string? PersonalPhone);

/// <summary>
/// One data row of the file in the preview: its line (and first cell for XLSX), the action an import
/// would take, its errors (empty unless Invalid), the values read, and the duplicate it matches.
/// </summary>
public sealed record ImportPreviewRow(
    int Line,
    string? Cell,
    ImportAction Action,
    IReadOnlyList<ImportIssue> Errors,
    NominationValues? Values,
    DuplicateMatch? Duplicate,
    string? Note)
{
    /// <summary>Words kept as written (a sector or theme the catalogue lacks): the row is added; staff look at it later.</summary>
    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];

    /// <summary>
    /// The row may be a participant already in the edition, found through a passport number or a date
    /// of birth the caller may not see: shown only as "possible duplicate: staff will review", with no
    /// record and no values (<see cref="Duplicate"/> is null). The row is left out.
    /// </summary>
    public bool PossibleDuplicate { get; init; }
}

/// <summary>
/// The whole preview: the file's columns as matched, warnings (unknown columns), file-level errors
/// (a missing required column: then there are no rows), and one row per data row.
/// </summary>
public sealed record ImportPreview(
    int EditionId,
    int EditionYear,
    string FileName,
    string Format,
    string? Sheet,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyList<ImportIssue> FileErrors,
    IReadOnlyList<ImportIssue> Warnings,
    IReadOnlyList<ImportPreviewRow> Rows)
{
    public bool Rejected => FileErrors.Count > 0;

    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);

    public bool AllValid => !Rejected && Rows.All(r => r.Action != ImportAction.Invalid);
}

/// <summary>What a commit did: the preview it applied (actions as applied) and the participants added or updated.</summary>
public sealed record ImportResult(ImportPreview Preview, IReadOnlyList<int> AddedIds, IReadOnlyList<int> UpdatedIds);

/// <summary>Progress for long files: a phase ("reading", "checking", "saving") and rows done out of total.</summary>
public sealed record ImportProgress(string Phase, int Done, int Total);
