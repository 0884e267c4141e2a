using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tmssw.Core.Participants.Import;

/// <summary>One cell of a file as text, with where it is: the CSV physical line, or the XLSX row and reference.</summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A file read into text cells: its header (first non-blank row) and data rows.</summary>
public sealed record RawTable(string Format, string? Sheet, string? Encoding, char? Delimiter, RawRow Header, IReadOnlyList<RawRow> Rows)
{
    public bool IsXlsx => Format == "xlsx";

    /// <summary>"C7" for XLSX; null for CSV.</summary>
    public string? CellRef(int column, int line) => IsXlsx ? XlsxTable.ColumnLetters(column) + line.ToString(CultureInfo.InvariantCulture) : null;
}

/// <summary>A file that cannot be read at all (not CSV/XLSX, corrupt, empty, no such sheet).</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);

public static class TabularFile
{
    /// <summary>XLSX when the bytes are a ZIP package (or the name says .xlsx), CSV otherwise.</summary>
    public static RawTable Read(byte[] bytes, string fileName, string? sheet = null)
    {
        var isZip = bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
        if (isZip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return XlsxTable.Read(bytes, sheet);
        }

        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF))
        {
            throw new UnreadableFileException("This is an old Excel 97–2003 (.xls) file: save it as .xlsx or .csv and import that.");
        }

        if (sheet is not null)
        {
            throw new UnreadableFileException($"--sheet \"{sheet}\" is for XLSX files; {fileName} is read as CSV.");
        }

        return CsvTable.Read(bytes);
    }
}

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes and line breaks; the separator (comma, semicolon
/// or tab) is the one the header line uses most; the encoding is the BOM's (UTF-8, UTF-16), else
/// UTF-8 when the bytes are valid UTF-8, else Windows-1252. Each record keeps the physical line it
/// starts on.
/// </summary>
public static class CsvTable
{
    public static RawTable Read(byte[] bytes)
    {
        var (text, encoding) = Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new UnreadableFileException("The file is binary, not CSV text: import a .csv (UTF-8) or .xlsx file.");
        }

        var delimiter = DetectDelimiter(text);
        var records = Parse(text, delimiter).Where(r => !r.IsBlank).ToList();
        if (records.Count == 0)
        {
            throw new UnreadableFileException("The file is empty: it needs a header line and one line per nominee.");
        }

        return new RawTable("csv", null, encoding, delimiter, records[0], records.Skip(1).ToList());
    }

    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Strict(new UTF8Encoding(false, true), bytes, 3) ?? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "utf-8-bom");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16le");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16be");
        }

        if (Strict(new UTF8Encoding(false, true), bytes, 0) is { } utf8)
        {
            return (utf8, "utf-8");
        }

        return (Windows1252.GetString(bytes), "windows-1252");
    }

    private static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    private static string? Strict(Encoding encoding, byte[] bytes, int offset)
    {
        try
        {
            return encoding.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The separator the first non-blank line uses most, outside quotes; comma on a tie or none.</summary>
    public static char DetectDelimiter(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        var seen = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (seen)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                seen |= !char.IsWhiteSpace(c);
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }

        if (semicolon > comma && semicolon >= tab)
        {
            return ';';
        }

        return tab > comma ? '\t' : ',';
    }

    /// <summary>Records with the physical (1-based) line each starts on; \r\n, \n and \r all end a line.</summary>
    public static List<RawRow> Parse(string text, char delimiter)
    {
        var rows = new List<RawRow>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        var afterQuote = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    afterQuote = true;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !afterQuote)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                row.Add(field.ToString());
                field.Clear();
                afterQuote = false;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(new RawRow(start, row));
                row = [];
                afterQuote = false;
                line++;
                start = line;
            }
            else
            {
                // A stray character after a closing quote, or a quote inside an unquoted field, is kept as written.
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(new RawRow(start, row));
        }

        return rows;
    }
}

/// <summary>
/// The first (or the named) worksheet of an XLSX workbook as text. A merged range gives its value
/// to every cell it covers (so a header merged over two rows or columns names each column); numbers
/// are written in invariant culture without a trailing ".0"; date-formatted numbers become ISO dates;
/// numbers stored as text stay exactly as typed (leading zeros included).
/// </summary>
public static class XlsxTable
{
    public static RawTable Read(byte[] bytes, string? sheetName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or ArgumentException)
        {
            throw new UnreadableFileException($"The file is not a readable XLSX workbook ({e.Message}).", e);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new UnreadableFileException("The XLSX file has no workbook.");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            if (sheets.Count == 0)
            {
                throw new UnreadableFileException("The workbook has no worksheet.");
            }

            var sheet = sheetName is null
                ? sheets[0]
                : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase))
                  ?? throw new UnreadableFileException($"The workbook has no sheet \"{sheetName}\"; it has {string.Join(", ", sheets.Select(s => $"\"{s.Name}\""))}.");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);

            var cells = new SortedDictionary<int, SortedDictionary<int, string>>();
            var merges = new List<(int R1, int C1, int R2, int C2)>();
            using (var reader = OpenXmlReader.Create(part))
            {
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    {
                        var row = (Row)reader.LoadCurrentElement()!;
                        var nextColumn = 0;
                        foreach (var cell in row.Elements<Cell>())
                        {
                            var (r, c) = cell.CellReference?.Value is { } reference ? Parse(reference) : ((int)(row.RowIndex?.Value ?? 0), nextColumn);
                            nextColumn = c + 1;
                            var text = CellText(cell, shared, dateStyles);
                            if (text.Length == 0)
                            {
                                continue;
                            }

                            if (!cells.TryGetValue(r, out var line))
                            {
                                cells[r] = line = [];
                            }

                            line[c] = text;
                        }
                    }
                    else if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
                    {
                        var merge = (MergeCell)reader.LoadCurrentElement()!;
                        if (merge.Reference?.Value?.Split(':') is [var from, var to])
                        {
                            var (r1, c1) = Parse(from);
                            var (r2, c2) = Parse(to);
                            merges.Add((r1, c1, r2, c2));
                        }
                    }
                }
            }

            foreach (var (r1, c1, r2, c2) in merges)
            {
                if (!cells.TryGetValue(r1, out var top) || !top.TryGetValue(c1, out var value))
                {
                    continue;
                }

                for (var r = r1; r <= r2; r++)
                {
                    if (!cells.TryGetValue(r, out var line))
                    {
                        cells[r] = line = [];
                    }

                    for (var c = c1; c <= c2; c++)
                    {
                        line.TryAdd(c, value);
                    }
                }
            }

            var rows = cells
                .Select(kv => new RawRow(kv.Key, Enumerable.Range(0, kv.Value.Keys.Max() + 1).Select(c => kv.Value.GetValueOrDefault(c, "")).ToList()))
                .Where(r => !r.IsBlank)
                .ToList();
            if (rows.Count == 0)
            {
                throw new UnreadableFileException($"The sheet \"{sheet.Name}\" is empty: it needs a header row and one row per nominee.");
            }

            var headerIndex = HeaderIndex(rows);
            return new RawTable("xlsx", sheet.Name?.Value, null, null, rows[headerIndex], rows.Skip(headerIndex + 1).ToList());
        }
    }

    /// <summary>
    /// The header is the row, among the first ten, that names the most known columns; a title row
    /// above it ("Nominations 2025 – Embassy Quito") is skipped that way.
    /// </summary>
    private static int HeaderIndex(List<RawRow> rows)
    {
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < Math.Min(10, rows.Count); i++)
        {
            var score = rows[i].Cells.Count(c => ColumnMap.Match(c) is not null);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? raw;
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
        {
            return raw;
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw;
        }

        if (raw.Length == 0 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // A whole number (a passport or phone number typed as a number) without exponent or ".0".
        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The cell formats that show a number as a date: built-in 14–22 and 45–47, or a custom code with d, m and y.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && IsDateCode(code));
            if (isDate)
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        var text = new StringBuilder();
        var quoted = false;
        foreach (var ch in code)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                text.Append(char.ToLowerInvariant(ch));
            }
        }

        var s = text.ToString();
        return s.Contains('y', StringComparison.Ordinal) && s.Contains('d', StringComparison.Ordinal);
    }

    /// <summary>"C7" → (7, 2): the 1-based row and the 0-based column.</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        var row = int.Parse(reference.AsSpan(i), NumberStyles.Integer, CultureInfo.InvariantCulture);
        return (row, column - 1);
    }

    /// <summary>0 → "A", 27 → "AB".</summary>
    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
