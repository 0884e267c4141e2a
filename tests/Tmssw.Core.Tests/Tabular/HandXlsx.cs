using System.IO.Compression;
using System.Security;
using System.Text;

namespace Tmssw.Core.Tests.Tabular;

/// <summary>
/// XLSX files written by hand, part by part, with System.IO.Compression: independent of the reader
/// under test, and able to say things no spreadsheet program writes (a merge over the whole sheet,
/// a reference beyond the last row, a part that inflates to gigabytes).
/// </summary>
internal static class HandXlsx
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook of one sheet "Sheet1" with these sheet-data rows, merges and shared strings.</summary>
    public static Dictionary<string, string> Parts(string sheetData, string? merges = null, IEnumerable<string>? shared = null, bool date1904 = false, string? styles = null)
    {
        var sst = shared?.ToList() ?? [];
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                </Types>
                """,
            ["_rels/.rels"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="{Rel}/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """,
            ["xl/workbook.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="{Main}" xmlns:r="{Rel}">{(date1904 ? "<workbookPr date1904=\"1\"/>" : "")}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            ["xl/_rels/workbook.xml.rels"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="{Rel}/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="{Rel}/sharedStrings" Target="sharedStrings.xml"/>
                <Relationship Id="rId3" Type="{Rel}/styles" Target="styles.xml"/>
                </Relationships>
                """,
            ["xl/worksheets/sheet1.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="{Main}"><sheetData>{sheetData}</sheetData>{(merges is null ? "" : $"<mergeCells>{merges}</mergeCells>")}</worksheet>
                """,
            ["xl/sharedStrings.xml"] = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <sst xmlns="{Main}" count="{sst.Count}" uniqueCount="{sst.Count}">{string.Concat(sst.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>
                """,
            ["xl/styles.xml"] = styles ?? $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <styleSheet xmlns="{Main}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
                """,
        };
        return parts;
    }

    public static byte[] Zip(IReadOnlyDictionary<string, string> parts) =>
        Zip(parts.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value)));

    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> parts, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The parts, one of them replaced by a stream of <paramref name="bytes"/> bytes: a head, a repeated filler, a tail.</summary>
    public static byte[] ZipWithInflated(IReadOnlyDictionary<string, string> parts, string name, string head, string filler, string tail, long bytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (part, content) in parts)
            {
                // The inflated part is compressed as hard as deflate can, as a bomb's maker would.
                using var entry = zip.CreateEntry(part, part == name ? CompressionLevel.SmallestSize : CompressionLevel.Fastest).Open();
                if (part != name)
                {
                    entry.Write(Encoding.UTF8.GetBytes(content));
                    continue;
                }

                entry.Write(Encoding.UTF8.GetBytes(head));
                var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(filler, Math.Max(1, 65536 / filler.Length))));
                for (long written = 0; written < bytes; written += chunk.Length)
                {
                    entry.Write(chunk);
                }

                entry.Write(Encoding.UTF8.GetBytes(tail));
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A 2-field workbook whose shared-strings part inflates to 60 MB (beyond the 48 MB a part may
    /// take) of ordinary 1,000-character strings; built once, it is a few hundred KB.
    /// </summary>
    public static byte[] SharedStringsBomb => Bomb.Value;

    private static readonly Lazy<byte[]> Bomb = new(() => ZipWithInflated(
        Parts(NomineeRows()), "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\">", $"<si><t>{new string('A', 1000)}</t></si>", "</sst>", 60L * 1024 * 1024));

    /// <summary>
    /// A 2-field workbook whose shared-strings part inflates to 40 MB, under the 48 MB a part may take
    /// but about a thousand times its compressed size: refused by the inflation ratio after a megabyte
    /// or two, without trusting any size the zip declares.
    /// </summary>
    public static byte[] RatioBomb => RatioBombBytes.Value;

    private static readonly Lazy<byte[]> RatioBombBytes = new(() => ZipWithInflated(
        Parts(NomineeRows()), "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\">", $"<si><t>{new string('A', 1000)}</t></si>", "</sst>", 40L * 1024 * 1024));

    public static string InlineCell(string reference, string text) =>
        $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>";

    public static string SharedCell(string reference, int index) => $"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>";

    public static string NumberCell(string reference, string number, int style = 0) =>
        $"<c r=\"{reference}\"{(style == 0 ? "" : $" s=\"{style}\"")}><v>{number}</v></c>";

    public static string Row(int index, params string[] cells) => $"<row r=\"{index}\">{string.Concat(cells)}</row>";

    /// <summary>A nominations sheet: a header and two valid nominees, all inline strings.</summary>
    public static string NomineeRows() =>
        Row(1, InlineCell("A1", "Given name"), InlineCell("B1", "Family name"), InlineCell("C1", "Country"), InlineCell("D1", "Gender"))
        + Row(2, InlineCell("A2", "Ana"), InlineCell("B2", "Ruiz"), InlineCell("C2", "EC"), InlineCell("D2", "F"))
        + Row(3, InlineCell("A3", "Luis"), InlineCell("B3", "Mora"), InlineCell("C3", "PE"), InlineCell("D3", "M"));
}
