using System.Text;
using System.Text.Json;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Participants;

public sealed class ImportExportCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-cli-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private const string Valid =
        "First name;Surname;Nationality;Sex;Passport No.;DOB;E-mail\n"
        + "Ana;Pérez;Ecuador;F;EC1111111;12 March 1980;ana@example.org\n"
        + "Kouassi;Yao;Côte d'Ivoire;M;CI2222222;1979-11-30;kouassi@example.org\n"
        + "\"Ольга\";Иванова;KZ;F;KZ3333333;12.03.1981;\n";

    private static async Task<int> ParticipantsIn(string db, int year)
    {
        var editions = await Run("editions", "--db", db, "--json");
        using var json = JsonDocument.Parse(editions.Out);
        return json.RootElement.EnumerateArray().Single(e => e.GetProperty("year").GetInt32() == year).GetProperty("participants").GetInt32();
    }

    [Theory, ProviderData]
    public async Task Import_reports_in_json_commits_valid_rows_and_skips_duplicates_then_export_imports_back(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var before = await ParticipantsIn(db, 2024);
        var file = Write("valid.csv", Valid);

        var dry = await Run("import", "nominations", file, "--edition", "2024", "--db", db, "--dry-run", "--json");
        Assert.Equal(0, dry.Code);
        using (var json = JsonDocument.Parse(dry.Out))
        {
            Assert.Equal(3, json.RootElement.GetProperty("rows").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("added").GetInt32());
            Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
            Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
        }

        Assert.Equal(before, await ParticipantsIn(db, 2024));

        var real = await Run("import", "nominations", file, "--edition", "2024", "--db", db);
        Assert.Equal(0, real.Code);
        Assert.Contains("3 rows: 3 added, 0 updated, 0 skipped, 0 invalid.", real.Out);
        Assert.Equal(before + 3, await ParticipantsIn(db, 2024));

        var again = await Run("import", "nominations", file, "--edition", "2024", "--db", db, "--json");
        Assert.Equal(0, again.Code);
        using (var json = JsonDocument.Parse(again.Out))
        {
            Assert.Equal(3, json.RootElement.GetProperty("skipped").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("duplicates").GetArrayLength());
        }

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var roster = Path.Combine(folder, "roster." + format);
            var export = await Run("export", "roster", "--edition", "2024", "--format", format, "--out", roster, "--db", db);
            Assert.Equal(0, export.Code);
            Assert.Contains($"Wrote {before + 3} participants", export.Out);
            Assert.Contains("sensitive included", export.Out);
            Assert.Contains("EC1111111", format == "csv" ? await File.ReadAllTextAsync(roster) : "EC1111111");
        }

        var back = await Run("import", "nominations", Path.Combine(folder, "roster.xlsx"), "--edition", "2023", "--db", db, "--json");
        Assert.Equal(0, back.Code);
        using (var json = JsonDocument.Parse(back.Out))
        {
            Assert.Equal(before + 3, json.RootElement.GetProperty("added").GetInt32());
            Assert.Equal("Roster 2024", json.RootElement.GetProperty("sheet").GetString());
        }
    }

    [Theory, ProviderData]
    public async Task Invalid_rows_exit_1_with_line_column_and_message_and_cell_for_xlsx(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var before = await ParticipantsIn(db, 2024);
        var file = Write("some-invalid.csv", Valid + "Jean;\"Du\npont\";Narnia;X;;03/04/1980;jean@example\n");

        var result = await Run("import", "nominations", file, "--edition", "2024", "--db", db, "--json");
        Assert.Equal(1, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(3, json.RootElement.GetProperty("added").GetInt32());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["Surname", "Nationality", "DOB", "E-mail"], errors.Select(e => e.GetProperty("column").GetString()));
        Assert.All(errors, e => Assert.Equal(5, e.GetProperty("line").GetInt32()));
        Assert.All(errors, e => Assert.False(e.TryGetProperty("cell", out _)));
        Assert.Contains("line break", errors[0].GetProperty("message").GetString());
        Assert.Contains("ambiguous", errors[2].GetProperty("message").GetString());
        Assert.Equal(before + 3, await ParticipantsIn(db, 2024));

        // Text mode: errors on stderr as FILE:LINE: column: message.
        var text = await Run("import", "nominations", file, "--edition", "2024", "--db", db, "--dry-run");
        Assert.Equal(1, text.Code);
        Assert.Contains("some-invalid.csv:5: Nationality: 'Narnia' is not a country we know", text.Err);
        Assert.Contains("3 would be skipped, 1 invalid (dry run: nothing changed)", text.Out);

        // A missing required column rejects the file: exit 1, the error on the header line.
        var missing = Write("missing.csv", "Given name,Family name,Country\nA,B,EC\n");
        var rejected = await Run("import", "nominations", missing, "--edition", "2024", "--db", db, "--json");
        Assert.Equal(1, rejected.Code);
        using var rejectedJson = JsonDocument.Parse(rejected.Out);
        var error = rejectedJson.RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("Gender", error.GetProperty("column").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
    }

    [Theory, ProviderData]
    public async Task Xlsx_errors_name_the_cell(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var roster = Path.Combine(folder, "roster.xlsx");
        Assert.Equal(0, (await Run("export", "roster", "--edition", "2024", "--format", "xlsx", "--out", roster, "--db", db)).Code);

        // Into 2024 again with updates: every row matches itself and nothing changes; into an edition
        // that does not exist: a file-level error.
        var same = await Run("import", "nominations", roster, "--edition", "2024", "--db", db, "--json", "--update-duplicates", "--dry-run");
        Assert.Equal(0, same.Code);
        using (var json = JsonDocument.Parse(same.Out))
        {
            Assert.Equal(0, json.RootElement.GetProperty("updated").GetInt32());
            Assert.Equal(json.RootElement.GetProperty("rows").GetInt32(), json.RootElement.GetProperty("skipped").GetInt32());
        }

        var bytes = await File.ReadAllBytesAsync(roster);
        using (var stream = new MemoryStream())
        {
            stream.Write(bytes);
            using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
            {
                var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
                var cell = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == "D3");
                cell.InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("Atlantis"));
                sheet.Save();
            }

            await File.WriteAllBytesAsync(Path.Combine(folder, "broken-cell.xlsx"), stream.ToArray());
        }

        var result = await Run("import", "nominations", Path.Combine(folder, "broken-cell.xlsx"), "--edition", "2023", "--db", db, "--json", "--dry-run");
        Assert.Equal(1, result.Code);
        using var report = JsonDocument.Parse(result.Out);
        var error = report.RootElement.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal(("D3", 3, "Country"), (error.GetProperty("cell").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetString()));
    }

    [Theory, ProviderData]
    public async Task Unreadable_files_exit_2_and_change_nothing(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var before = await ParticipantsIn(db, 2024);

        var missing = await Run("import", "nominations", Path.Combine(folder, "nope.csv"), "--edition", "2024", "--db", db);
        Assert.Equal(2, missing.Code);
        Assert.Contains("cannot read", missing.Err);

        var corrupt = Path.Combine(folder, "corrupt.xlsx");
        await File.WriteAllBytesAsync(corrupt, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
        var broken = await Run("import", "nominations", corrupt, "--edition", "2024", "--db", db, "--json");
        Assert.Equal(2, broken.Code);
        Assert.Contains("not a readable XLSX", broken.Err);

        var empty = await Run("import", "nominations", Write("empty.csv", "\n\n"), "--edition", "2024", "--db", db);
        Assert.Equal(2, empty.Code);
        Assert.Equal(before, await ParticipantsIn(db, 2024));
    }

    [Theory]
    [InlineData("import", "nominations", "--help")]
    [InlineData("export", "roster", "--help")]
    public async Task The_commands_have_help(params string[] args)
    {
        var help = await Run(args);
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage:", help.Out);
    }
}
