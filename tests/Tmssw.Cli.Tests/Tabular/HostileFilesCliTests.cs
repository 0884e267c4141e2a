using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Tabular;

/// <summary>
/// `tmssw import nominations` with the files of issue 10's attacks: exit code 2, a message that
/// says what is wrong, nothing imported. The workbooks are written by hand with System.IO.Compression.
/// </summary>
public sealed class HostileFilesCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<int> ParticipantsIn(string db, int year)
    {
        var editions = await Run("editions", "--db", db, "--json");
        using var json = JsonDocument.Parse(editions.Out);
        return json.RootElement.EnumerateArray().Single(e => e.GetProperty("year").GetInt32() == year).GetProperty("participants").GetInt32();
    }

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A one-sheet workbook, 2 KB, with these sheet-data rows and merges.</summary>
    private string Workbook(string name, string rows, string merges)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
            ["_rels/.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = $"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Nominees\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            ["xl/worksheets/sheet1.xml"] = $"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData><mergeCells>{merges}</mergeCells></worksheet>",
        };
        var path = Path.Combine(folder, name);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (part, xml) in parts)
            {
                using var stream = zip.CreateEntry(part).Open();
                stream.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return path;
    }

    private static string Cell(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{text}</t></is></c>";

    private static readonly string Nominees =
        "<row r=\"1\">" + Cell("A1", "Given name") + Cell("B1", "Family name") + Cell("C1", "Country") + Cell("D1", "Gender") + "</row>"
        + "<row r=\"2\">" + Cell("A2", "Ana") + Cell("B2", "Ruiz") + Cell("C2", "EC") + Cell("D2", "F") + "</row>";

    [Theory, ProviderData]
    public async Task Hostile_files_exit_2_with_a_message_and_import_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);
        var before = await ParticipantsIn(db, 2024);

        var quote = Path.Combine(folder, "quote.csv");
        await File.WriteAllTextAsync(quote, "Given name,Family name,Country,Gender\nAna,Ruiz,EC,F\nLuis,\"Mora,PE,M\nPia,Soto,CL,F\n");
        var big = Path.Combine(folder, "big.csv");
        await using (var stream = File.Create(big))
        {
            stream.SetLength(21L * 1024 * 1024);
        }

        var cases = new (string File, string Message)[]
        {
            (Workbook("merge.xlsx", Nominees + "<row r=\"100000\">" + Cell("GR100000", "x") + "</row>", "<mergeCell ref=\"A1:XFD1048576\"/>"), "merged ranges of the sheet \"Nominees\" would fill more than"),
            (Workbook("far.xlsx", Nominees + "<row r=\"1048576\">" + Cell("XFD1048576", "x") + "</row>", ""), "holds data in column XFD"),
            (Workbook("huge-ref.xlsx", Nominees + "<row r=\"3\">" + Cell("A99999999999", "x") + "</row>", ""), "outside a worksheet"),
            (quote, "Line 3: the quote (\") that opens a field there is never closed"),
            (big, "at most 20 MB can be read"),
        };
        foreach (var (file, message) in cases)
        {
            foreach (var dry in new[] { true, false })
            {
                var result = await Run(["import", "nominations", file, "--edition", "2024", "--db", db, .. dry ? new[] { "--dry-run" } : []]);
                Assert.Equal(2, result.Code);
                Assert.Contains(message, result.Err, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await ParticipantsIn(db, 2024));

        // The same command reads the clean workbook (whether its row is valid is the row rules' business): the refusals were the files'.
        var clean = await Run("import", "nominations", Workbook("clean.xlsx", Nominees, ""), "--edition", "2024", "--db", db, "--dry-run");
        Assert.NotEqual(2, clean.Code);
    }
}
