using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Tmssw.Core.Tabular;
using Xunit.Abstractions;
using static Tmssw.Core.Tests.Tabular.HandXlsx;

namespace Tmssw.Core.Tests.Tabular;

/// <summary>
/// Thousands of random and mutated files through both readers: each ends in a value (a sheet or a
/// file error), never an exception, and a sheet stays within the limits' cell count. Mutations of
/// the golden CSV files and of hand-written workbooks: truncated, bytes flipped, inserted and cut,
/// zip entries inflated, references and ranges blown up, XML broken. The seed is printed; set
/// TMSSW_FUZZ_SEED to replay it.
/// </summary>
public sealed partial class TabularFuzzTests(ITestOutputHelper output)
{
    /// <summary>Small limits so that inflating and blowing up reach them quickly.</summary>
    private static readonly TabularLimits Small = TabularLimits.Default with
    {
        MaxFileBytes = 4 * 1024 * 1024, MaxPartBytes = 1024 * 1024, MaxTotalBytes = 3 * 1024 * 1024,
        MaxRows = 2_000, MaxColumns = 60, MaxCells = 50_000, MaxFieldLength = 4_000, MaxMergedRanges = 500,
    };

    private static IEnumerable<string> GoldenCsvFiles([CallerFilePath] string here = "")
    {
        // The test project's own folder, wherever the golden files are filed in it.
        var project = Path.GetDirectoryName(Path.GetDirectoryName(here))!;
        return Directory.EnumerateFiles(project, "*.csv", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private static List<byte[]> CsvSeeds()
    {
        var seeds = GoldenCsvFiles().Select(File.ReadAllBytes).ToList();
        seeds.Add(Encoding.UTF8.GetBytes("Given name;Family name;Country;Gender;Notes\nAna;Ruiz;EC;F;\"a \"\"quoted\"\"\nnote\"\nLuis;Mora;PE;M;\n"));
        seeds.Add([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Given name\tFamily name\nAna\tRuiz\n")]);
        return seeds;
    }

    private static Dictionary<string, string> XlsxSeed()
    {
        var rows = Row(1, InlineCell("A1", "Nominations"))
            + Row(2, SharedCell("A2", 0), SharedCell("B2", 1), SharedCell("D2", 2), InlineCell("E2", "Date of birth"))
            + Row(3, InlineCell("B3", "Given name"), InlineCell("C3", "Family name"))
            + Row(4, SharedCell("A4", 3), InlineCell("B4", "Ana"), InlineCell("C4", "Ruiz"), InlineCell("D4", "F"), NumberCell("E4", "29221", style: 1))
            + Row(5, InlineCell("A5", "PE"), InlineCell("B5", "Luis"), InlineCell("C5", "Mora"), InlineCell("D5", "M"), NumberCell("E5", "1980-03-12"))
            + "<row r=\"6\"><c t=\"inlineStr\"><is><r><t>Pia</t></r><rPh><t>ピア</t></rPh></is></c><c r=\"C6\" t=\"b\"><v>1</v></c><c r=\"D6\" t=\"e\"><v>#N/A</v></c></row>";
        return Parts(rows, "<mergeCell ref=\"A1:E1\"/><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"B2:C2\"/><mergeCell ref=\"D2:D3\"/>", ["Country", "Name", "Sex", "EC"]);
    }

    [Fact]
    public void Random_and_mutated_files_end_in_a_sheet_or_a_file_error()
    {
        var seed = FuzzSeed.Next();
        output.WriteLine($"fuzz seed {seed} (replay with {FuzzSeed.Variable}={seed})");
        var random = new Random(seed);
        var csvSeeds = CsvSeeds();
        var xlsxSeed = XlsxSeed();
        var xlsxBytes = Zip(xlsxSeed);
        var outcomes = new Dictionary<string, int>();
        var readTime = new Dictionary<string, TimeSpan>();
        for (var i = 0; i < 4_000; i++)
        {
            var (kind, bytes, name) = (i % 16) switch
            {
                0 or 1 => ("csv-random", RandomBytes(random, random.Next(0, 2_000)), "r.csv"),
                >= 2 and <= 5 => ("csv-mutated", MutateBytes(random, Pick(random, csvSeeds)), "m.csv"),
                6 or 7 => ("xlsx-bytes", MutateBytes(random, xlsxBytes), "m.xlsx"),
                >= 8 and <= 12 => ("xlsx-parts", Zip(MutateParts(random, xlsxSeed)), "p.xlsx"),
                13 => ("xlsx-inflated", Inflate(random, xlsxSeed), "i.xlsx"),
                _ => ("random-zip", RandomZip(random), "z.xlsx"),
            };
            var limits = kind != "xlsx-inflated" && random.Next(4) == 0 ? TabularLimits.Default : Small;
            var started = Stopwatch.GetTimestamp();
            TabularRead read;
            try
            {
                read = TabularFile.Read(bytes, name, random.Next(10) == 0 ? "Sheet1" : null, limits);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, case {i} ({kind}): {e}");
                throw;
            }

            Assert.True(read.Sheet is null ^ read.Error is null, $"seed {seed}, case {i} ({kind}): exactly one of a sheet or an error");
            if (read.Sheet is { } sheet)
            {
                Assert.True(sheet.Rows.Count <= limits.MaxRows, $"seed {seed}, case {i} ({kind}): {sheet.Rows.Count} rows");
                Assert.All(sheet.Rows, r => Assert.True(r.Cells.Count <= limits.MaxColumns && r.Cells.All(c => c.Length <= limits.MaxFieldLength), $"seed {seed}, case {i} ({kind}): row {r.Line}"));
                Assert.True(sheet.Rows.Sum(r => (long)r.Cells.Count(c => c.Length > 0)) <= limits.MaxCells, $"seed {seed}, case {i} ({kind}): too many cells");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(read.Error!.Message));
            }

            var key = $"{kind}: {(read.Ok ? "sheet" : read.Error!.Kind.ToString())}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            readTime[kind] = readTime.GetValueOrDefault(kind) + Stopwatch.GetElapsedTime(started);
        }

        foreach (var (key, count) in outcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{key}: {count}");
        }

        // Printed to tune the run's size; not asserted (no wall-clock assertions).
        output.WriteLine(string.Join(", ", readTime.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value.TotalSeconds:0.0} s reading")));

        // The mutations reach both outcomes of both readers, so the run tested something.
        Assert.Contains(outcomes.Keys, k => k.StartsWith("csv-mutated: sheet", StringComparison.Ordinal));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("xlsx-parts: sheet", StringComparison.Ordinal));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("xlsx-parts: TooLarge", StringComparison.Ordinal) || k.StartsWith("xlsx-parts: Malformed", StringComparison.Ordinal));
        Assert.Contains(outcomes.Keys, k => k.StartsWith("xlsx-inflated: TooLarge", StringComparison.Ordinal));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (random.Next(2) == 0)
        {
            // Mostly printable, with the characters that matter to CSV.
            const string alphabet = "ab,;\t\"\r\n 1é";
            for (var i = 0; i < length; i++)
            {
                bytes[i] = (byte)alphabet[bytes[i] % alphabet.Length];
            }
        }

        return bytes;
    }

    private static byte[] MutateBytes(Random random, byte[] original)
    {
        var bytes = new List<byte>(original);
        var steps = random.Next(1, 6);
        for (var s = 0; s < steps && bytes.Count > 0; s++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 1:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)"\"\n,;\0"[random.Next(5)]));
                    break;
                case 4:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                default:
                    var length = Math.Min(random.Next(1, 256), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("r=\"[A-Z]+[0-9]+\"")]
    private static partial Regex CellRef();

    [GeneratedRegex("ref=\"[A-Z0-9:]+\"")]
    private static partial Regex RangeRef();

    [GeneratedRegex("<v>[^<]*</v>")]
    private static partial Regex Value();

    private static readonly string[] HugeRefs = ["XFD1048576", "A1048576", "GR2000", "XFE1", "A0", "A99999999999", "ZZZZ9", "BH1", "A2001", "-1", "", "A1:B2"];

    private static readonly string[] HugeRanges = ["A1:XFD1048576", "A1:GR2000", "B2:A1", "A1:A1", "XFD1:A1048576", "A1", "A1:ZZZZ1", ":", "A1:BH1"];

    private static readonly string[] Values = ["999999999", "-1", "1e308", "NaN", "Infinity", "", "2958466", "60", "x", "1.5", "00012"];

    private static Dictionary<string, string> MutateParts(Random random, Dictionary<string, string> seed)
    {
        var parts = new Dictionary<string, string>(seed);
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps; s++)
        {
            var name = Pick(random, parts.Keys.Order(StringComparer.Ordinal).ToList());
            var xml = parts[name];
            xml = random.Next(9) switch
            {
                0 => CellRef().Replace(xml, m => random.Next(3) == 0 ? $"r=\"{Pick(random, HugeRefs)}\"" : m.Value),
                1 => RangeRef().Replace(xml, m => $"ref=\"{Pick(random, HugeRanges)}\""),
                2 => Value().Replace(xml, m => random.Next(2) == 0 ? $"<v>{Pick(random, Values)}</v>" : m.Value),
                3 => xml[..random.Next(xml.Length + 1)],
                4 => xml.Replace("t=\"inlineStr\"", Pick(random, ["t=\"s\"", "t=\"d\"", "t=\"n\"", "t=\"b\"", ""]), StringComparison.Ordinal),
                5 => xml.Replace("<sheetData>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><sheetData>", StringComparison.Ordinal),
                6 => xml.Replace("</sheetData>", string.Concat(Enumerable.Range(7, random.Next(1, 3_000)).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>x</t></is></c></row>")) + "</sheetData>", StringComparison.Ordinal),
                7 => xml.Replace("</mergeCells>", string.Concat(Enumerable.Repeat("<mergeCell ref=\"A1:XFD1048576\"/>", random.Next(1, 1_000))) + "</mergeCells>", StringComparison.Ordinal),
                _ => random.Next(2) == 0 ? xml.Replace("Target=\"", "Target=\"../../", StringComparison.Ordinal) : xml.Replace("<", "<x:", StringComparison.Ordinal),
            };
            if (random.Next(6) == 0)
            {
                parts.Remove(Pick(random, parts.Keys.Order(StringComparer.Ordinal).ToList()));
            }
            else
            {
                parts[name] = xml;
            }
        }

        return parts;
    }

    /// <summary>One part replaced by a stream that inflates past the part limit (or just under it).</summary>
    private static byte[] Inflate(Random random, Dictionary<string, string> seed)
    {
        var name = Pick(random, ["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"]);
        var bytes = random.Next(4) == 0 ? 300L * 1024 : 1200L * 1024;
        return name == "xl/sharedStrings.xml"
            ? ZipWithInflated(seed, name, $"<sst xmlns=\"{Main}\"><si><t>", "AAAAAAAA", "</t></si></sst>", bytes)
            : ZipWithInflated(seed, name, $"<worksheet xmlns=\"{Main}\"><sheetData>", "<row><c t=\"inlineStr\"><is><t>z</t></is></c></row>", "</sheetData></worksheet>", bytes);
    }

    private static byte[] RandomZip(Random random)
    {
        var parts = new Dictionary<string, byte[]>();
        foreach (var name in new[] { "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml" })
        {
            if (random.Next(5) > 0)
            {
                parts[name] = RandomBytes(random, random.Next(0, 300));
            }
        }

        return Zip(parts, random.Next(2) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
    }
}
