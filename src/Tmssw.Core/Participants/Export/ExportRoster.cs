using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Reference;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Participants.Export;

public enum RosterFormat
{
    Csv,
    Xlsx,
}

/// <summary>An edition's roster, or one city's or one group's.</summary>
public sealed record RosterRequest(int EditionYear, RosterFormat Format, string? CityId = null, int? GroupId = null);

/// <summary>What was written: the rows and columns, whether sensitive columns were included; or why nothing was.</summary>
public sealed record RosterExport(int Rows, IReadOnlyList<string> Columns, bool IncludesSensitive, string? Error = null)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Writes a roster as CSV (UTF-8 with BOM, comma, CRLF) or XLSX with the columns the caller's role
/// may see: passport, date of birth and personal e-mail and phone only for Admin and the edition's
/// Staff (and the export is audited as a reveal); a Host's roster holds names, countries,
/// positions, languages and dietary and accessibility needs only, of participants not withdrawn or
/// declined. Every cell goes through <see cref="FormulaGuard"/>. The headers are ones the importer
/// reads, so an export imports back to the same participants.
/// </summary>
public sealed class ExportRoster(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit)
{
    private static readonly NominationField[] HostColumns =
    [
        NominationField.GivenName, NominationField.FamilyName, NominationField.Country, NominationField.Position,
        NominationField.Languages, NominationField.Dietary, NominationField.Accessibility,
    ];

    private static readonly NominationField[] PlainColumns =
    [
        NominationField.GivenName, NominationField.FamilyName, NominationField.Country, NominationField.Gender,
        NominationField.Sector, NominationField.Agency, NominationField.Position, NominationField.Themes,
        NominationField.Languages, NominationField.Interpretation, NominationField.Dietary, NominationField.Accessibility,
    ];

    private static readonly NominationField[] SensitiveColumns =
        [NominationField.Passport, NominationField.DateOfBirth, NominationField.Email, NominationField.Phone];

    public async Task<RosterExport> RunAsync(UserScope scope, RosterRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == request.EditionYear, cancellationToken);
        if (edition is null)
        {
            return new RosterExport(0, [], false, $"There is no edition {request.EditionYear}.");
        }

        request = scope.RosterFilter(edition.Id, request);

        var query = scope.Participants(db).AsNoTracking().Where(p => p.EditionId == edition.Id);
        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == edition.Id).ToDictionaryAsync(g => g.Id, cancellationToken);
        if (request.GroupId is { } groupId)
        {
            if (!groups.ContainsKey(groupId))
            {
                return new RosterExport(0, [], false, $"The {edition.Year} edition has no group {groupId}.");
            }

            query = query.Where(p => p.GroupId == groupId);
        }

        if (request.CityId is { } cityId)
        {
            var inCity = groups.Values.Where(g => g.CityId == cityId).Select(g => (int?)g.Id).ToList();
            if (inCity.Count == 0)
            {
                return new RosterExport(0, [], false, $"The {edition.Year} edition has no group in the city \"{cityId}\".");
            }

            query = query.Where(p => inCity.Contains(p.GroupId));
        }

        var hostView = scope.ExportsHostView(edition.Id);
        if (hostView)
        {
            query = query.Where(p => p.Status != NominationStatus.Withdrawn && p.Status != NominationStatus.Declined);
        }

        var withSensitive = !hostView && scope.MaySeeSensitive(edition.Id);
        var fields = hostView ? HostColumns : withSensitive ? [.. PlainColumns, .. SensitiveColumns] : PlainColumns;
        var headers = new List<string>();
        if (!hostView)
        {
            headers.Add("Id");
        }

        headers.AddRange(fields.Select(ColumnMap.Title));
        if (!hostView)
        {
            headers.Add("Status");
            headers.Add("Group");
        }

        var participants = (await query.ToListAsync(cancellationToken))
            .OrderBy(p => CountryName(p.Country), StringComparer.Ordinal)
            .ThenBy(p => p.FamilyName, StringComparer.Ordinal)
            .ThenBy(p => p.GivenName, StringComparer.Ordinal)
            .ThenBy(p => p.Id)
            .ToList();
        var rows = new List<string[]>(participants.Count);
        foreach (var p in participants)
        {
            var clear = withSensitive ? sensitive.Read(p) : SensitiveValues.None;
            var cells = new List<string>();
            if (!hostView)
            {
                cells.Add(p.Id.ToString(CultureInfo.InvariantCulture));
            }

            cells.AddRange(fields.Select(f => Cell(p, clear, f)));
            if (!hostView)
            {
                cells.Add(p.Status.ToString());
                cells.Add(p.GroupId is { } g && groups.TryGetValue(g, out var group) ? group.Name : "");
            }

            rows.Add(cells.Select(FormulaGuard.Guard).ToArray());
        }

        var guardedHeaders = headers.Select(FormulaGuard.Guard).ToList();
        if (request.Format == RosterFormat.Csv)
        {
            await RosterWriter.WriteCsvAsync(output, guardedHeaders, rows, cancellationToken);
        }
        else
        {
            await RosterWriter.WriteXlsxAsync(output, "Roster " + edition.Year.ToString(CultureInfo.InvariantCulture), guardedHeaders, rows, cancellationToken);
        }

        if (withSensitive && participants.Count > 0)
        {
            var actor = scope.Actor;
            audit.Record(actor, "Revealed", "Edition", edition.Year.ToString(CultureInfo.InvariantCulture),
                [new FieldChange("Roster", null, $"{request.Format} export with passport, date of birth and personal contacts of {participants.Count} participants")]);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RosterExport(rows.Count, headers, withSensitive);
    }

    private static string CountryName(string code) => Countries.FindByCode(code)?.Name ?? code;

    private static string Cell(Participant p, SensitiveValues clear, NominationField field) => field switch
    {
        NominationField.GivenName => p.GivenName,
        NominationField.FamilyName => p.FamilyName,
        NominationField.Country => CountryName(p.Country),
        NominationField.Gender => p.Gender,
        NominationField.Sector => p.Sector.Length == 0 ? "" : Sectors.NameOf(p.Sector),
        NominationField.Agency => p.Agency,
        NominationField.Position => p.Position,
        NominationField.Themes => string.Join("; ", p.Themes.Select(Themes.NameOf)),
        NominationField.Languages => string.Join("; ", p.Languages.Select(Languages.NameOf)),
        NominationField.Interpretation => p.InterpretationLanguage is null ? "" : Languages.NameOf(p.InterpretationLanguage),
        NominationField.Dietary => p.DietaryNeeds ?? "",
        NominationField.Accessibility => p.AccessibilityNeeds ?? "",
        NominationField.Passport => clear.PassportNumber ?? "",
        NominationField.DateOfBirth => clear.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        NominationField.Email => clear.PersonalEmail ?? "",
        NominationField.Phone => clear.PersonalPhone ?? "",
        _ => "",
    };
}

/// <summary>CSV and XLSX writers for tables of text (already neutralized by <see cref="FormulaGuard"/>).</summary>
public static class RosterWriter
{
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<string[]> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(",", headers.Select(Quote)));
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(string.Join(",", row.Select(Quote)));
        }
    }

    private static readonly System.Buffers.SearchValues<char> NeedQuotes = System.Buffers.SearchValues.Create(",\"\r\n;\t");

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(NeedQuotes) >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    /// <summary>One sheet, a header row and text cells (inline strings), the header frozen.</summary>
    public static async Task WriteXlsxAsync(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<string[]> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetViews());
                writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement(new SheetData());
                var r = 1u;
                WriteRow(writer, r++, headers);
                foreach (var row in rows)
                {
                    ct.ThrowIfCancellationRequested();
                    WriteRow(writer, r++, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<string> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].Length == 0)
            {
                continue;
            }

            writer.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(cells[c])) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = XlsxTable.ColumnLetters(c) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
            });
        }

        writer.WriteEndElement();
    }

    private static string XmlSafe(string value) =>
        value.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(value.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : value;
}
