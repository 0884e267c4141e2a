using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Tmssw.Core.Tabular;

/// <summary>
/// The first (or the named) worksheet of an XLSX workbook as cells, read straight from the zip with
/// a streaming XML reader, within <see cref="TabularLimits"/>: every part inflates through a
/// counting stream (declared sizes are not trusted), rows, columns, cells and field length are
/// bounded, cell references outside a worksheet are refused, and a merged range gives its value to
/// the cells it covers only inside the rows and columns that hold data (so a header merged over two
/// rows or columns names each column, and a range over the whole sheet costs nothing). Numbers are
/// written in invariant culture without a trailing ".0"; date-formatted numbers become ISO dates
/// (on the 1900 or the 1904 date system, as the workbook says); numbers stored as text stay exactly
/// as typed (leading zeros included).
/// </summary>
public static class XlsxTable
{
    private const string NotReadable = "The file is not a readable XLSX workbook";

    public static TabularRead Read(byte[] bytes, string? sheetName, TabularLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= TabularLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return TabularRead.Fail(TabularErrorKind.TooLarge, TabularFile.TooLargeMessage(bytes.Length, limits));
        }

        var part = "the zip directory";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var package = new Package(zip, limits);
            return package.ReadSheet(sheetName, p => part = p);
        }
        catch (TabularLimitException e)
        {
            return TabularRead.Fail(TabularErrorKind.TooLarge, e.Message);
        }
        catch (XmlException e)
        {
            return TabularRead.Fail(TabularErrorKind.Malformed, $"{NotReadable}: the part {part} is not well-formed XML (line {e.LineNumber}: {e.Message}).");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return TabularRead.Fail(TabularErrorKind.Malformed, $"{NotReadable} ({part}: {e.Message}).");
        }
    }

    /// <summary>"C7" → (7, 2): the 1-based row and the 0-based column; throws <see cref="FormatException"/> for a reference outside a worksheet.</summary>
    public static (int Row, int Column) Parse(string reference) =>
        CellReference.TryParse(reference, out var row, out var column) ? (row, column) : throw new FormatException($"\"{reference}\" is not a cell reference.");

    /// <summary>0 → "A", 27 → "AB".</summary>
    public static string ColumnLetters(int column) => CellReference.ColumnLetters(column);

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersFromEntities = 1024,
    };

    /// <summary>One workbook's zip, its parts opened through the limits.</summary>
    private sealed class Package
    {
        private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.OrdinalIgnoreCase);
        private readonly TabularLimits limits;
        private readonly ByteBudget budget;

        public Package(ZipArchive zip, TabularLimits limits)
        {
            this.limits = limits;
            budget = new ByteBudget(limits.MaxTotalBytes);
            var count = 0;
            foreach (var entry in zip.Entries)
            {
                if (++count > limits.MaxZipEntries)
                {
                    throw new TabularLimitException($"The workbook holds more than {TabularFile.Count(limits.MaxZipEntries)} files; a spreadsheet needs a handful.");
                }

                entries.TryAdd(entry.FullName.TrimStart('/'), entry);
            }
        }

        private Action<string> onPart = _ => { };

        private XmlReader? Open(string name)
        {
            if (!entries.TryGetValue(name.TrimStart('/'), out var entry))
            {
                return null;
            }

            onPart(entry.FullName);
            if (entry.CompressedLength > limits.MaxPartCompressedBytes)
            {
                throw new TabularLimitException($"The part {entry.FullName} of the workbook is {TabularFile.Megabytes(entry.CompressedLength)} compressed; at most {TabularFile.Megabytes(limits.MaxPartCompressedBytes)} is read.");
            }

            // The declared size is not trusted to accept a part (the stream counts what really inflates),
            // but a part that declares too much is refused before any of it is inflated.
            if (entry.Length > limits.MaxPartBytes)
            {
                throw new TabularLimitException($"The part {entry.FullName} of the workbook inflates to more than {TabularFile.Megabytes(limits.MaxPartBytes)}; that is more than a spreadsheet of nominations needs (a zip bomb?).");
            }

            var stream = new LimitedStream(entry.Open(), entry.FullName, entry.CompressedLength, limits, budget);
            return XmlReader.Create(stream, XmlSettings);
        }

        public TabularRead ReadSheet(string? sheetName, Action<string> partName)
        {
            onPart = partName;
            var workbookPath = Relationships("_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
            var (sheets, date1904) = Workbook(workbookPath);
            if (sheets.Count == 0)
            {
                return TabularRead.Fail(TabularErrorKind.NoSuchSheet, "The workbook has no worksheet.");
            }

            var sheet = sheetName is null
                ? sheets[0]
                : sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase));
            if (sheet.Name is null)
            {
                return TabularRead.Fail(TabularErrorKind.NoSuchSheet, $"The workbook has no sheet \"{sheetName}\"; it has {string.Join(", ", sheets.Select(s => $"\"{s.Name}\""))}.");
            }

            var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
            var rels = Relationships(folder + "_rels/" + workbookPath[folder.Length..] + ".rels", folder);
            var sheetPath = rels.FirstOrDefault(r => r.Id == sheet.RelationshipId).Target;
            if (sheetPath is null || !entries.ContainsKey(sheetPath))
            {
                return TabularRead.Fail(TabularErrorKind.Malformed, $"{NotReadable}: the sheet \"{sheet.Name}\" has no worksheet part.");
            }

            var sharedPath = rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target ?? folder + "sharedStrings.xml";
            var stylesPath = rels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target ?? folder + "styles.xml";
            var dateStyles = DateStyles(stylesPath);
            var shared = SharedStrings(sharedPath);
            return new SheetReader(limits, shared, dateStyles, date1904).Read(Open(sheetPath)!, sheet.Name);
        }

        private List<(string Id, string Type, string? Target)> Relationships(string path, string folder)
        {
            var result = new List<(string, string, string?)>();
            using var xml = Open(path);
            if (xml is null)
            {
                return result;
            }

            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship")
                {
                    var target = xml.GetAttribute("Target");
                    if (target is not null && xml.GetAttribute("TargetMode") != "External")
                    {
                        target = Resolve(folder, target);
                    }

                    result.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", target));
                }
            }

            return result;
        }

        /// <summary>A relationship's target as a zip entry name: "/xl/x.xml" is absolute, "worksheets/sheet1.xml" relative to the folder; ".." is followed.</summary>
        private static string Resolve(string folder, string target)
        {
            var parts = new List<string>();
            var path = target.StartsWith('/') ? target : folder + target;
            foreach (var piece in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (piece == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (piece != ".")
                {
                    parts.Add(piece);
                }
            }

            return string.Join('/', parts);
        }

        private (List<(string Name, string RelationshipId)> Sheets, bool Date1904) Workbook(string path)
        {
            var sheets = new List<(string, string)>();
            var date1904 = false;
            using var xml = Open(path) ?? throw new InvalidDataException("it has no workbook part");
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "workbookPr")
                {
                    date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet")
                {
                    var id = xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                        ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships")
                        ?? xml.GetAttribute("r:id");
                    sheets.Add((xml.GetAttribute("name") ?? $"Sheet{sheets.Count + 1}", id ?? ""));
                    if (sheets.Count > limits.MaxZipEntries)
                    {
                        throw new TabularLimitException($"The workbook lists more than {TabularFile.Count(limits.MaxZipEntries)} sheets.");
                    }
                }
            }

            return (sheets, date1904);
        }

        /// <summary>The cell styles that show a number as a date: built-in formats 14–22 and 45–47, or a custom code with d and y.</summary>
        private HashSet<int> DateStyles(string path)
        {
            var result = new HashSet<int>();
            using var xml = Open(path);
            if (xml is null)
            {
                return result;
            }

            var custom = new Dictionary<int, string>();
            var index = 0;
            var inCellXfs = false;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                {
                    inCellXfs = false;
                }

                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "numFmt" && int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fmt))
                {
                    custom[fmt] = xml.GetAttribute("formatCode") ?? "";
                }
                else if (xml.LocalName == "cellXfs")
                {
                    inCellXfs = !xml.IsEmptyElement;
                }
                else if (xml.LocalName == "xf" && inCellXfs)
                {
                    if (index >= limits.MaxStyles)
                    {
                        throw new TabularLimitException($"The workbook has more than {TabularFile.Count(limits.MaxStyles)} cell styles.");
                    }

                    var id = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
                    if (id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateCode(code)))
                    {
                        result.Add(index);
                    }

                    index++;
                }
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

        private List<string> SharedStrings(string path)
        {
            var result = new List<string>();
            using var xml = Open(path);
            if (xml is null)
            {
                return result;
            }

            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
                {
                    if (result.Count >= limits.MaxSharedStrings)
                    {
                        throw new TabularLimitException($"The workbook has more than {TabularFile.Count(limits.MaxSharedStrings)} shared strings.");
                    }

                    var text = RichText(xml, limits);
                    result.Add(text);
                }
            }

            return result;
        }
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, phonetic runs (&lt;rPh&gt;) left out; the reader ends on its end tag.</summary>
    internal static string RichText(XmlReader xml, TabularLimits limits)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        var inText = -1;
        var phonetic = -1;
        while (xml.Read() && xml.Depth > depth)
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "rPh" && !xml.IsEmptyElement && phonetic < 0:
                    phonetic = xml.Depth;
                    break;
                case XmlNodeType.Element when xml.LocalName == "t" && !xml.IsEmptyElement && phonetic < 0 && inText < 0:
                    inText = xml.Depth;
                    break;
                case XmlNodeType.EndElement when xml.Depth == phonetic:
                    phonetic = -1;
                    break;
                case XmlNodeType.EndElement when xml.Depth == inText:
                    inText = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText >= 0:
                    AppendBounded(xml, text, limits);
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The text of a simple element (&lt;v&gt;) read in chunks; leaves the reader on the node after its end tag.</summary>
    internal static string ElementText(XmlReader xml, TabularLimits limits)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return "";
        }

        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                AppendBounded(xml, text, limits);
            }

            xml.Read();
        }

        xml.Read();
        return text.ToString();
    }

    /// <summary>A text node in chunks, so that a text of gigabytes is refused at the field limit instead of being read whole.</summary>
    private static void AppendBounded(XmlReader xml, StringBuilder text, TabularLimits limits)
    {
        if (!xml.CanReadValueChunk)
        {
            text.Append(xml.Value);
        }
        else
        {
            var buffer = ArrayPool<char>.Shared.Rent(4096);
            try
            {
                int n;
                while ((n = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    text.Append(buffer, 0, n);
                    if (text.Length > limits.MaxFieldLength)
                    {
                        break;
                    }
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        if (text.Length > limits.MaxFieldLength)
        {
            throw new TabularLimitException($"A text in the workbook is longer than {TabularFile.Count(limits.MaxFieldLength)} characters; at most that many are read in one cell.");
        }
    }
}
