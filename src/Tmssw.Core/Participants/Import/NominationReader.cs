using System.Globalization;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Participants.Import;

/// <summary>A data row read into values, or errors; with its keys for duplicate checks.</summary>
internal sealed record ReadRow(int Line, string? Cell, NominationValues? Values, List<ImportIssue> Errors, string? PassportKey, string? NameKey, string? Country, DateOnly? DateOfBirth);

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

    private ReadRow Read(RawRow row)
    {
        var errors = new List<(int Column, ImportIssue Issue)>();

        string Text(NominationField f) => columns.TryGetValue(f, out var c) ? ImportValues.Clean(row[c]) : "";

        void Fail(NominationField f, string message)
        {
            var column = columns.TryGetValue(f, out var c) ? c : 0;
            errors.Add((column, new ImportIssue(row.Line, table.CellRef(column, row.Line), Title(f), message)));
        }

        T? Optional<T>(NominationField f, Func<string, (T? Value, string? Error)> parse)
            where T : class
        {
            var text = Text(f);
            if (text.Length == 0)
            {
                return null;
            }

            var (value, error) = parse(text);
            if (error is not null)
            {
                Fail(f, error);
            }

            return value;
        }

        T? Required<T>(NominationField f, string what, Func<string, (T? Value, string? Error)> parse)
            where T : class
        {
            if (Text(f).Length == 0)
            {
                Fail(f, $"The {what} is missing; it is required.");
                return null;
            }

            return Optional(f, parse);
        }

        var given = Required(NominationField.GivenName, "given name", t => ImportValues.Name(t, "given name"));
        var family = Required(NominationField.FamilyName, "family name", t => ImportValues.Name(t, "family name"));
        var country = Required(NominationField.Country, "country", ImportValues.Country);
        var gender = Required(NominationField.Gender, "gender", ImportValues.Gender);
        var sector = Optional(NominationField.Sector, ImportValues.Sector);
        var agency = Optional(NominationField.Agency, t => ImportValues.FreeText(t, "agency", ImportValues.MaxTextLength));
        var position = Optional(NominationField.Position, t => ImportValues.FreeText(t, "position", ImportValues.MaxTextLength));
        var themes = Optional(NominationField.Themes, ImportValues.Themes);
        var languages = Optional(NominationField.Languages, ImportValues.Languages);
        var interpretation = Optional(NominationField.Interpretation, ImportValues.Interpretation);
        var dietary = Optional(NominationField.Dietary, t => ImportValues.FreeText(t, "dietary needs", ImportValues.MaxNeedsLength));
        var accessibility = Optional(NominationField.Accessibility, t => ImportValues.FreeText(t, "accessibility needs", ImportValues.MaxNeedsLength));
        var passport = Optional(NominationField.Passport, ImportValues.Passport);
        var email = Optional(NominationField.Email, ImportValues.Email);
        var phone = Optional(NominationField.Phone, ImportValues.Phone);
        DateOnly? dob = null;
        if (Text(NominationField.DateOfBirth) is { Length: > 0 } dobText)
        {
            var (value, error) = ImportValues.DateOfBirth(dobText, today);
            if (error is not null)
            {
                Fail(NominationField.DateOfBirth, error);
            }

            dob = value;
        }

        var values = errors.Count == 0
            ? new NominationValues(given!, family!, country!, gender!, sector, agency, position, themes, languages, interpretation, dietary, accessibility, passport, dob, email, phone)
            : null;
        return new ReadRow(
            row.Line,
            table.IsXlsx ? "A" + row.Line.ToString(CultureInfo.InvariantCulture) : null,
            values,
            errors.OrderBy(e => e.Column).Select(e => e.Issue).ToList(),
            passport is null ? null : ImportValues.PassportKey(passport),
            given is not null && family is not null ? ImportValues.NameKey(given, family) : null,
            country,
            dob);
    }

    public string ColumnTitle(NominationField field) => Title(field);

    public string? CellOf(NominationField field, int line) => table.CellRef(columns.TryGetValue(field, out var c) ? c : 0, line);
}
