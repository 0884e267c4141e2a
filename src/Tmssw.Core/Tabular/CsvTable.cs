using System.Text;

namespace Tmssw.Core.Tabular;

/// <summary>
/// RFC 4180 CSV: quoted fields with doubled quotes and line breaks; the separator (comma, semicolon
/// or tab) is the one the header line uses most; the encoding is the BOM's (UTF-8, UTF-16), else
/// UTF-8 when the bytes are valid UTF-8, else Windows-1252. Each record keeps the physical line it
/// starts on. Read within <see cref="TabularLimits"/>: rows, columns and field length; a quote that
/// never closes is an error naming the line it opened on.
/// </summary>
public static class CsvTable
{
    public static TabularRead Read(byte[] bytes, TabularLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= TabularLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return TabularRead.Fail(TabularErrorKind.TooLarge, TabularFile.TooLargeMessage(bytes.Length, limits));
        }

        var (text, encoding) = Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return TabularRead.Fail(TabularErrorKind.Unsupported, "The file is binary, not CSV text: import a .csv (UTF-8) or .xlsx file.");
        }

        var delimiter = DetectDelimiter(text);
        var error = TryParse(text, delimiter, limits, skipBlank: true, out var rows);
        return error is null
            ? TabularRead.Of(new TabularSheet("csv", null, encoding, delimiter, rows))
            : new TabularRead(null, error);
    }

    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
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
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>
    /// Records (blank ones included) with the physical (1-based) line each starts on; \r\n, \n and \r
    /// all end a line. For trusted text (the reference tables): malformed text throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static List<RawRow> Parse(string text, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(text);
        var error = TryParse(text, delimiter, TabularLimits.Default with { MaxRows = int.MaxValue, MaxCells = long.MaxValue }, skipBlank: false, out var rows);
        return error is null ? rows : throw new InvalidDataException(error.Message);
    }

    private static TabularError Fail(string message, int line) => new(TabularErrorKind.Malformed, message, line);

    private static TabularError TooLarge(string message, int line) => new(TabularErrorKind.TooLarge, message, line);

    private static TabularError? TryParse(string text, char delimiter, TabularLimits limits, bool skipBlank, out List<RawRow> records)
    {
        var rows = new List<RawRow>();
        records = rows;
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        var quoteLine = 0;
        var afterQuote = false;
        long cells = 0;
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

                if (field.Length > limits.MaxFieldLength)
                {
                    return TooLarge($"Line {quoteLine}: the quoted field that opens there runs for more than {TabularFile.Count(limits.MaxFieldLength)} characters; is its closing quote (\") missing?", quoteLine);
                }
            }
            else if (c == '"' && field.Length == 0 && !afterQuote)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == delimiter)
            {
                if (EndField() is { } tooWide)
                {
                    return tooWide;
                }
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                var error = EndField() ?? EndRow();
                if (error is not null)
                {
                    return error;
                }

                line++;
                start = line;
            }
            else
            {
                // A stray character after a closing quote, or a quote inside an unquoted field, is kept as written.
                field.Append(c);
                if (field.Length > limits.MaxFieldLength)
                {
                    return TooLarge($"Line {line}: a field is longer than {TabularFile.Count(limits.MaxFieldLength)} characters.", line);
                }
            }
        }

        if (quoted)
        {
            return Fail($"Line {quoteLine}: the quote (\") that opens a field there is never closed, so the rest of the file would be one cell; close it, or double a quote inside a field (\"\").", quoteLine);
        }

        if (field.Length > 0 || row.Count > 0)
        {
            return EndField() ?? EndRow();
        }

        return null;

        TabularError? EndField()
        {
            var value = field.ToString();
            field.Clear();
            afterQuote = false;
            if (row.Count >= limits.MaxColumns)
            {
                // Trailing empty separators (";;;;") are common; a value beyond the limit is not.
                return string.IsNullOrWhiteSpace(value)
                    ? null
                    : TooLarge($"Line {start}: the line has a value in column {row.Count + 1}; at most {TabularFile.Count(limits.MaxColumns)} columns are read.", start);
            }

            row.Add(value);
            return null;
        }

        TabularError? EndRow()
        {
            var record = new RawRow(start, row);
            row = [];
            if (skipBlank && record.IsBlank)
            {
                return null;
            }

            rows.Add(record);
            cells += record.Cells.Count;
            if (rows.Count > limits.MaxRows)
            {
                return TooLarge($"Line {start}: the file has more than {TabularFile.Count(limits.MaxRows)} rows; split it into smaller files.", start);
            }

            return cells > limits.MaxCells
                ? TooLarge($"Line {start}: the file has more than {TabularFile.Count(limits.MaxCells)} cells; split it into smaller files.", start)
                : null;
        }
    }
}
