using System.Globalization;

namespace Tmssw.Core.Tabular;

/// <summary>What a cell of the file holds, as the file says it (XLSX keeps numbers and dates typed; CSV is all text).</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
    Error,

    /// <summary>The file's cell is malformed (a shared string that is not there, a number that is not one): <see cref="TabularCell.Problem"/> says how.</summary>
    Problem,
}

/// <summary>
/// One cell: its text (what a reader of the file sees: numbers in invariant culture without ".0",
/// dates as yyyy-MM-dd), and where the file has them, the typed number or date.
/// </summary>
public sealed record TabularCell(CellKind Kind, string Text, double? Number = null, DateOnly? Date = null, string? Problem = null)
{
    public static TabularCell Empty { get; } = new(CellKind.Empty, "");

    public static TabularCell OfText(string text) => text.Length == 0 ? Empty : new(CellKind.Text, text);
}

/// <summary>One row of a file as text cells, with where it is: the CSV physical line, or the XLSX row number.</summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>The typed cells (XLSX), by column; null when every cell is plain text (CSV).</summary>
    public IReadOnlyDictionary<int, TabularCell>? Typed { get; init; }

    public string this[int column] => column < Cells.Count ? Cells[column] : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>The cell at a 0-based column, typed where the file typed it.</summary>
    public TabularCell Cell(int column) =>
        Typed is not null && Typed.TryGetValue(column, out var typed) ? typed : TabularCell.OfText(this[column]);

    /// <summary>The cells the file marked as malformed, by column.</summary>
    public IEnumerable<(int Column, TabularCell Cell)> Problems() =>
        Typed?.Where(kv => kv.Value.Kind == CellKind.Problem).OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)) ?? [];
}

/// <summary>
/// A sheet of a file (a CSV file has one) as rows of cells that hold data, in file order, blank rows
/// left out. It knows nothing of what the columns mean: a caller picks the header with <see cref="WithHeader"/>.
/// </summary>
public sealed record TabularSheet(string Format, string? Sheet, string? Encoding, char? Delimiter, IReadOnlyList<RawRow> Rows)
{
    public bool IsXlsx => Format == "xlsx";

    /// <summary>The table whose header is the row at <paramref name="index"/>; the rows above it are left out.</summary>
    public RawTable WithHeader(int index) => new(Format, Sheet, Encoding, Delimiter, Rows[index], Rows.Skip(index + 1).ToList());
}

/// <summary>A sheet read into text cells with its header row and data rows.</summary>
public sealed record RawTable(string Format, string? Sheet, string? Encoding, char? Delimiter, RawRow Header, IReadOnlyList<RawRow> Rows)
{
    public bool IsXlsx => Format == "xlsx";

    /// <summary>"C7" for XLSX; null for CSV.</summary>
    public string? CellRef(int column, int line) => IsXlsx ? CellReference.Format(column, line) : null;
}

/// <summary>Why a file cannot be read at all, in words for the person who sent it; <see cref="Line"/> where a line is known.</summary>
public sealed record TabularError(TabularErrorKind Kind, string Message, int? Line = null);

public enum TabularErrorKind
{
    /// <summary>Beyond one of the <see cref="TabularLimits"/>.</summary>
    TooLarge,

    /// <summary>Broken zip, XML, quoting or encoding.</summary>
    Malformed,

    /// <summary>A format this reader does not read (.xls, binary).</summary>
    Unsupported,

    /// <summary>The named sheet is not in the workbook, or the workbook has none.</summary>
    NoSuchSheet,
}

/// <summary>The outcome of reading a file: exactly one of a sheet or an error. Readers return it; they never throw for bad input.</summary>
public sealed record TabularRead(TabularSheet? Sheet, TabularError? Error)
{
    public bool Ok => Sheet is not null;

    public static TabularRead Of(TabularSheet sheet) => new(sheet, null);

    public static TabularRead Fail(TabularErrorKind kind, string message, int? line = null) => new(null, new TabularError(kind, message, line));
}

/// <summary>A1-style cell references: parsed with bounds (never allocating up to them) and formatted.</summary>
public static class CellReference
{
    /// <summary>Excel's last row (1,048,576) and column (XFD = 16,384).</summary>
    public const int SheetRows = 1_048_576;

    public const int SheetColumns = 16_384;

    /// <summary>"C7" → (7, 2): the 1-based row and the 0-based column; false for anything that is not a reference inside a worksheet.</summary>
    public static bool TryParse(ReadOnlySpan<char> reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        var letters = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            if (++letters > 3)
            {
                return false;
            }

            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        var digits = reference[i..];
        if (letters == 0 || digits.Length is 0 or > 7)
        {
            return false;
        }

        foreach (var d in digits)
        {
            if (!char.IsAsciiDigit(d))
            {
                return false;
            }

            row = (row * 10) + (d - '0');
        }

        column--;
        return row is >= 1 and <= SheetRows && column is >= 0 and < SheetColumns;
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

    public static string Format(int column, int row) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);
}
