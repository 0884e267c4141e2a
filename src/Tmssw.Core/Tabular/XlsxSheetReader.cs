using System.Globalization;
using System.Xml;

namespace Tmssw.Core.Tabular;

/// <summary>
/// Streams one worksheet part: keeps only the cells that hold data (sparse, so a reference far away
/// costs one entry, and one beyond the limits is refused before anything is allocated for it), then
/// spreads merged values inside the rows and columns that hold data.
/// </summary>
internal sealed class SheetReader(TabularLimits limits, IReadOnlyList<string> shared, HashSet<int> dateStyles, bool date1904)
{
    /// <summary>Excel's last date serial (9999-12-31) on the 1900 system.</summary>
    private const double LastSerial = 2958466;

    /// <summary>Days from 1899-12-30 (serial 0 of the 1900 system, as DateTime.FromOADate counts) to 1904-01-01.</summary>
    private const double Offset1904 = 1462;

    private readonly Dictionary<int, Dictionary<int, TabularCell>> cells = [];
    private readonly List<(int R1, int C1, int R2, int C2)> merges = [];
    private long cellCount;
    private int maxRow;
    private int maxColumn = -1;

    public TabularRead Read(XmlReader xml, string sheetName)
    {
        using (xml)
        {
            var row = 0;
            var nextColumn = 0;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "row":
                        row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                        nextColumn = 0;
                        break;
                    case "c":
                        if (ReadCell(xml, row, ref nextColumn) is { } error)
                        {
                            return new TabularRead(null, error);
                        }

                        break;
                    case "mergeCell":
                        if (merges.Count >= limits.MaxMergedRanges)
                        {
                            return TooLarge($"The sheet \"{sheetName}\" has more than {TabularFile.Count(limits.MaxMergedRanges)} merged ranges.");
                        }

                        if (xml.GetAttribute("ref")?.Split(':') is [var from, var to]
                            && CellReference.TryParse(from, out var r1, out var c1) && CellReference.TryParse(to, out var r2, out var c2))
                        {
                            merges.Add((Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2)));
                        }

                        // A merged range that is not a pair of references inside a sheet merges nothing.
                        break;
                }
            }
        }

        if (Spread(sheetName) is { } tooMany)
        {
            return new TabularRead(null, tooMany);
        }

        var rows = new List<RawRow>(cells.Count);
        foreach (var (line, values) in cells.OrderBy(kv => kv.Key))
        {
            var width = values.Keys.Max() + 1;
            var texts = new string[width];
            Dictionary<int, TabularCell>? typed = null;
            for (var c = 0; c < width; c++)
            {
                if (values.TryGetValue(c, out var cell))
                {
                    texts[c] = cell.Text;
                    if (cell.Kind != CellKind.Text)
                    {
                        (typed ??= [])[c] = cell;
                    }
                }
                else
                {
                    texts[c] = "";
                }
            }

            var raw = new RawRow(line, texts) { Typed = typed };
            if (!raw.IsBlank || typed?.Values.Any(t => t.Kind == CellKind.Problem) == true)
            {
                rows.Add(raw);
            }
        }

        return TabularRead.Of(new TabularSheet("xlsx", sheetName, null, null, rows));
    }

    private static TabularRead TooLarge(string message) => TabularRead.Fail(TabularErrorKind.TooLarge, message);

    private TabularError? ReadCell(XmlReader xml, int row, ref int nextColumn)
    {
        var reference = xml.GetAttribute("r");
        var type = xml.GetAttribute("t");
        var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        string? value = null;
        string? inline = null;
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "v")
                {
                    // Leaves the reader on the node after </v>.
                    value = XlsxTable.ElementText(xml, limits);
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "is")
                {
                    inline = XlsxTable.RichText(xml, limits);
                }

                xml.Read();
            }
        }

        int r, c;
        if (reference is null)
        {
            (r, c) = (row, nextColumn);
        }
        else if (!CellReference.TryParse(reference, out r, out c))
        {
            r = -1;
            c = -1;
        }

        nextColumn = c + 1;
        if (value is { Length: > 0 } && value.Length > limits.MaxFieldLength)
        {
            return new TabularError(TabularErrorKind.TooLarge, $"The cell {reference ?? CellReference.Format(c, r)} holds more than {TabularFile.Count(limits.MaxFieldLength)} characters; at most that many are read in one cell.", r > 0 ? r : null);
        }

        var cell = Cell(type, style, value, inline);
        if (cell.Kind == CellKind.Empty)
        {
            return null;
        }

        if (r < 1 || r > CellReference.SheetRows || c < 0)
        {
            return new TabularError(TabularErrorKind.Malformed,
                $"The cell reference \"{Shorten(reference ?? "")}\" is outside a worksheet (rows 1 to {TabularFile.Count(CellReference.SheetRows)}, columns A to XFD).");
        }

        if (c >= limits.MaxColumns)
        {
            return new TabularError(TabularErrorKind.TooLarge,
                $"The cell {CellReference.Format(c, r)} holds data in column {CellReference.ColumnLetters(c)}; at most {TabularFile.Count(limits.MaxColumns)} columns (A to {CellReference.ColumnLetters(limits.MaxColumns - 1)}) are read.", r);
        }

        return Put(r, c, cell);
    }

    private static string Shorten(string text) => text.Length > 24 ? text[..24] + "…" : text;

    private TabularError? Put(int r, int c, TabularCell cell)
    {
        if (!cells.TryGetValue(r, out var line))
        {
            if (cells.Count >= limits.MaxRows)
            {
                return new TabularError(TabularErrorKind.TooLarge, $"The sheet has more than {TabularFile.Count(limits.MaxRows)} rows that hold data (row {r}); split it into smaller files.", r);
            }

            cells[r] = line = [];
        }

        if (line.TryAdd(c, cell))
        {
            if (++cellCount > limits.MaxCells)
            {
                return new TabularError(TabularErrorKind.TooLarge, $"The sheet has more than {TabularFile.Count(limits.MaxCells)} cells that hold data; split it into smaller files.", r);
            }

            maxRow = Math.Max(maxRow, r);
            maxColumn = Math.Max(maxColumn, c);
        }
        else
        {
            line[c] = cell;
        }

        return null;
    }

    /// <summary>
    /// Gives each merged range's top-left value to the cells it covers, clipped to the rows and
    /// columns that hold data; the work (cells visited) is bounded by <see cref="TabularLimits.MaxCells"/>.
    /// </summary>
    private TabularError? Spread(string sheetName)
    {
        var rowLimit = maxRow;
        var columnLimit = maxColumn;

        // The clipped areas together bound the work: refused before any cell is filled.
        long area = 0;
        foreach (var (r1, c1, r2, c2) in merges)
        {
            area += (long)Math.Max(0, Math.Min(r2, rowLimit) - r1 + 1) * Math.Max(0, Math.Min(c2, columnLimit) - c1 + 1);
            if (area > limits.MaxCells)
            {
                return new TabularError(TabularErrorKind.TooLarge, $"The merged ranges of the sheet \"{sheetName}\" would fill more than {TabularFile.Count(limits.MaxCells)} cells; unmerge them.");
            }
        }

        long work = 0;
        foreach (var (r1, c1, r2, c2) in merges)
        {
            if (!cells.TryGetValue(r1, out var top) || !top.TryGetValue(c1, out var value))
            {
                continue;
            }

            var lastRow = Math.Min(r2, rowLimit);
            var lastColumn = Math.Min(c2, columnLimit);
            for (var r = r1; r <= lastRow; r++)
            {
                for (var c = c1; c <= lastColumn; c++)
                {
                    if (++work > limits.MaxCells)
                    {
                        return new TabularError(TabularErrorKind.TooLarge, $"The merged ranges of the sheet \"{sheetName}\" would fill more than {TabularFile.Count(limits.MaxCells)} cells; unmerge them.");
                    }

                    if (!cells.TryGetValue(r, out var line) || !line.ContainsKey(c))
                    {
                        if (Put(r, c, value) is { } error)
                        {
                            return error;
                        }
                    }
                }
            }
        }

        return null;
    }

    private TabularCell Cell(string? type, int style, string? value, string? inline)
    {
        var raw = value ?? "";
        switch (type)
        {
            case "s":
                if (raw.Length == 0)
                {
                    return TabularCell.Empty;
                }

                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count
                    ? TabularCell.OfText(shared[i])
                    : new TabularCell(CellKind.Problem, "", Problem: $"the shared string {Shorten(raw)} is not in the workbook");
            case "inlineStr":
                return TabularCell.OfText(inline ?? raw);
            case "str":
                return TabularCell.OfText(raw);
            case "b":
                return raw.Length == 0 ? TabularCell.Empty : new TabularCell(CellKind.Boolean, raw, Number: raw == "1" ? 1 : 0);
            case "e":
                return raw.Length == 0 ? TabularCell.Empty : new TabularCell(CellKind.Error, raw);
            case "d":
                if (raw.Length == 0)
                {
                    return TabularCell.Empty;
                }

                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d)
                    ? new TabularCell(CellKind.Date, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: DateOnly.FromDateTime(d))
                    : new TabularCell(CellKind.Problem, raw, Problem: $"\"{Shorten(raw)}\" is not a date");
        }

        if (raw.Length == 0)
        {
            // An inline string without t="inlineStr" still shows its text.
            return TabularCell.OfText(inline ?? "");
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return new TabularCell(CellKind.Problem, raw, Problem: $"\"{Shorten(raw)}\" is not a number");
        }

        var serial = date1904 ? number + Offset1904 : number;
        if (style >= 0 && dateStyles.Contains(style) && serial is > 0 and < LastSerial)
        {
            var date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return new TabularCell(CellKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), number, date);
        }

        // A whole number (a passport or phone number typed as a number) without exponent or ".0".
        var text = number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
        return new TabularCell(CellKind.Number, text, number);
    }
}
