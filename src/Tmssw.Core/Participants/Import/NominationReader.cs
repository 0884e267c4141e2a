using System.Globalization;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Participants.Import;

/// <summary>A data row read into values, or errors; with its keys for duplicate checks.</summary>
internal sealed record ReadRow(int Line, string? Cell, NominationValues? Values, List<ImportIssue> Errors, string? PassportKey, string? NameKey, string? Country, DateOnly? DateOfBirth)
{
    /// <summary>Words kept as written (a sector or theme the catalogue lacks), for the staff to look at.</summary>
    public List<ImportIssue> Warnings { get; init; } = [];
}

/// <summary>Maps the header to fields and reads each data row; no database.</summary>
internal sealed class NominationReader
{
    private readonly RawTable table;
    private readonly Dictionary<NominationField, int> columns = [];
    private readonly DateOnly today;

    private NominationReader(RawTable table, DateOnly today)
    {
        this.table = table;
        this.today = today;
    }

    public IReadOnlyDictionary<string, string> ColumnsMatched { get; private set; } = new Dictionary<string, string>();

    public List<ImportIssue> FileErrors { get; } = [];

    public List<ImportIssue> Warnings { get; } = [];

    public static NominationReader Open(RawTable table, DateOnly today)
    {
        var reader = new NominationReader(table, today);
        reader.MapHeader();
        return reader;
    }

    private string HeaderText(int column) => ImportValues.Clean(table.Header[column]);

    private string Title(NominationField field) => columns.TryGetValue(field, out var c) && HeaderText(c).Length > 0 ? HeaderText(c) : ColumnMap.Title(field);

    private ImportIssue HeaderIssue(int column, string name, string message) =>
        new(table.Header.Line, table.CellRef(column, table.Header.Line), name, message);

    private void MapHeader()
    {
        var matched = new Dictionary<string, string>();
        var width = Math.Max(table.Header.Cells.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Cells.Count));
        for (var c = 0; c < width; c++)
        {
            var header = HeaderText(c);
            var where = table.IsXlsx ? $"column {XlsxTable.ColumnLetters(c)}" : $"column {c + 1}";
            if (header.Length == 0)
            {
                if (table.Rows.Any(r => !string.IsNullOrWhiteSpace(r[c])))
                {
                    Warnings.Add(HeaderIssue(c, where, $"The {where} has values but no header, so it is not imported: give it a header such as \"Passport number\"."));
                }

                continue;
            }

            var field = ColumnMap.Match(header);
            if (field is null)
            {
                Warnings.Add(HeaderIssue(c, header, $"Unknown column \"{header}\" ({where}) is not imported; known columns are {string.Join(", ", Enum.GetValues<NominationField>().Where(f => f != NominationField.ExportOnly).Select(ColumnMap.Title))}."));
                continue;
            }

            if (field == NominationField.ExportOnly)
            {
                matched[header] = "(not imported)";
                continue;
            }

            if (columns.TryGetValue(field.Value, out var first))
            {
                FileErrors.Add(HeaderIssue(c, header, $"Two columns mean {ColumnMap.Title(field.Value)}: \"{HeaderText(first)}\" and \"{header}\" ({where}); keep one."));
                continue;
            }

            columns[field.Value] = c;
            matched[header] = field.Value.ToString();
        }

        foreach (var required in ColumnMap.Required.Where(f => !columns.ContainsKey(f)))
        {
            FileErrors.Add(new ImportIssue(table.Header.Line, null, ColumnMap.Title(required),
                $"The file has no {ColumnMap.Title(required)} column, which is required (headers read: {string.Join(", ", table.Header.Cells.Where(h => h.Trim().Length > 0).Select(h => $"\"{ImportValues.Clean(h)}\""))})."));
        }

        ColumnsMatched = matched;
    }

    public IEnumerable<ReadRow> Rows()
    {
        foreach (var row in table.Rows)
        {
            yield return Read(row);
        }
    }

    /// <summary>The file's column for each of the participant's fields.</summary>
    private static NominationField ColumnFor(ParticipantField field) => field switch
    {
        ParticipantField.GivenName => NominationField.GivenName,
        ParticipantField.FamilyName => NominationField.FamilyName,
        ParticipantField.Country => NominationField.Country,
        ParticipantField.Gender => NominationField.Gender,
        ParticipantField.Sector => NominationField.Sector,
        ParticipantField.Agency => NominationField.Agency,
        ParticipantField.Position => NominationField.Position,
        ParticipantField.Themes => NominationField.Themes,
        ParticipantField.Languages => NominationField.Languages,
        ParticipantField.InterpretationLanguage => NominationField.Interpretation,
        ParticipantField.DietaryNeeds => NominationField.Dietary,
        ParticipantField.AccessibilityNeeds => NominationField.Accessibility,
        ParticipantField.PassportNumber => NominationField.Passport,
        ParticipantField.DateOfBirth => NominationField.DateOfBirth,
        ParticipantField.PersonalEmail => NominationField.Email,
        _ => NominationField.Phone,
    };

    /// <summary>
    /// One row through <see cref="ParticipantRules"/>: the same checks as the form. Never throws:
    /// whatever a cell holds ends as a value, an error or a warning with its line, cell and column.
    /// </summary>
    private ReadRow Read(RawRow row)
    {
        string? Text(NominationField f) => columns.TryGetValue(f, out var c) ? ImportValues.Clean(row[c]) : null;

        ImportIssue Issue(FieldIssue issue)
        {
            var f = ColumnFor(issue.Field);
            var column = columns.TryGetValue(f, out var c) ? c : 0;
            return new ImportIssue(row.Line, table.CellRef(column, row.Line), Title(f), issue.Message);
        }

        int Order(FieldIssue issue) => columns.TryGetValue(ColumnFor(issue.Field), out var c) ? c : 0;

        ParticipantCheck check;
        try
        {
            check = ParticipantRules.Check(
                new ParticipantText(
                    Text(NominationField.GivenName), Text(NominationField.FamilyName), Text(NominationField.Country), Text(NominationField.Gender),
                    Text(NominationField.Sector), Text(NominationField.Agency), Text(NominationField.Position), Text(NominationField.Themes),
                    Text(NominationField.Languages), Text(NominationField.Interpretation), Text(NominationField.Dietary), Text(NominationField.Accessibility),
                    Text(NominationField.Passport), Text(NominationField.DateOfBirth), Text(NominationField.Email), Text(NominationField.Phone)),
                today);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // The rules are written not to throw; should one still do, the row is an error, not the import.
            check = new ParticipantCheck(null, [new FieldIssue(ParticipantField.GivenName, $"This row could not be checked ({e.GetType().Name}); check its cells.")], []);
        }

        var v = check.Values;
        var given = v?.GivenName ?? NameOf(Text(NominationField.GivenName), "given name");
        var family = v?.FamilyName ?? NameOf(Text(NominationField.FamilyName), "family name");
        var country = v?.Country ?? (Text(NominationField.Country) is { Length: > 0 } ct ? ParticipantRules.Country(ct).Alpha2 : null);
        var dob = v?.DateOfBirth ?? (Text(NominationField.DateOfBirth) is { Length: > 0 } dt ? ParticipantRules.DateOfBirth(dt, today).Value : null);
        var passport = v?.PassportNumber ?? (Text(NominationField.Passport) is { Length: > 0 } pt ? ParticipantRules.Passport(pt).Value : null);
        return new ReadRow(
            row.Line,
            table.IsXlsx ? "A" + row.Line.ToString(CultureInfo.InvariantCulture) : null,
            v,
            check.Errors.OrderBy(Order).Select(Issue).ToList(),
            passport is null ? null : ImportValues.PassportKey(passport),
            given is not null && family is not null ? ImportValues.NameKey(given, family) : null,
            country,
            dob)
        {
            Warnings = check.Warnings.OrderBy(Order).Select(Issue).ToList(),
        };
    }

    private static string? NameOf(string? text, string what) => text is { Length: > 0 } ? ParticipantRules.Name(text, what).Value : null;

    public string ColumnTitle(NominationField field) => Title(field);

    public string? CellOf(NominationField field, int line) => table.CellRef(columns.TryGetValue(field, out var c) ? c : 0, line);
}
