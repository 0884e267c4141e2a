using System.Text.Json;
using ExcelDataReader;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Evaluation;

/// <summary><c>tmssw evaluation report</c>: the JSON contract (docs/formats/evaluation-report.md), the XLSX file, and the errors.</summary>
public sealed class EvaluationReportCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-cli-eval-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, ProviderData]
    public async Task The_json_report_follows_the_contract_and_the_xlsx_reads_back(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var json = await Run("evaluation", "report", "--edition", "2024", "--format", "json", "--db", db);
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal("tmssw-evaluation-report", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(2024, root.GetProperty("edition").GetInt32());
        Assert.Contains("paired t-interval", root.GetProperty("pairMethod").GetString(), StringComparison.Ordinal);

        var surveys = root.GetProperty("surveys").EnumerateArray().ToList();
        Assert.NotEmpty(surveys);
        foreach (var s in surveys)
        {
            var invited = s.GetProperty("invited").GetInt32();
            var responded = s.GetProperty("responded").GetInt32();
            Assert.True(s.GetProperty("id").GetInt32() > 0);
            Assert.False(string.IsNullOrEmpty(s.GetProperty("kind").GetString()));
            Assert.InRange(responded, 0, invited);
            Assert.Equal(invited == 0 ? 0 : Math.Round((double)responded / invited, 4), s.GetProperty("responseRate").GetDouble());
        }

        var objectives = root.GetProperty("objectives").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], objectives.Select(o => o.GetProperty("number").GetInt32()));
        foreach (var o in objectives)
        {
            Assert.False(string.IsNullOrEmpty(o.GetProperty("text").GetString()));
            var reached = o.GetProperty("participantsReached").GetInt32();
            foreach (var s in o.GetProperty("servedBy").EnumerateArray())
            {
                Assert.Contains(s.GetProperty("kind").GetString(), new[] { "meeting", "item", "session" });
                Assert.False(string.IsNullOrEmpty(s.GetProperty("title").GetString()));
                Assert.InRange(s.GetProperty("participantsReached").GetInt32(), 0, reached);
            }
        }

        Assert.Contains(objectives, o => o.GetProperty("servedBy").GetArrayLength() > 0);
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.NotEmpty(pairs);
        foreach (var p in pairs)
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("question").GetString()));
            if (p.GetProperty("n").GetInt32() >= 5)
            {
                var shift = p.GetProperty("shift").GetDouble();
                Assert.Equal(Math.Round(p.GetProperty("meanAfter").GetDouble() - p.GetProperty("meanBefore").GetDouble(), 3), Math.Round(shift, 3));
                Assert.InRange(shift, p.GetProperty("ciLow").GetDouble(), p.GetProperty("ciHigh").GetDouble());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, p.GetProperty("shift").ValueKind);
            }
        }

        Assert.NotEmpty(root.GetProperty("indicators").EnumerateArray());

        var xlsx = Path.Combine(folder, "report.xlsx");
        var written = await Run("evaluation", "report", "--edition", "2024", "--format", "xlsx", "--out", xlsx, "--db", db);
        Assert.True(written.Code == 0, written.Err);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await using (var stream = File.OpenRead(xlsx))
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            Assert.Equal("Surveys", reader.Name);
            Assert.True(reader.Read());
            Assert.Equal("Survey id", reader.GetString(0));
            Assert.True(reader.Read());
            Assert.Equal((double)surveys[0].GetProperty("id").GetInt32(), reader.GetDouble(0));
        }

        var pdf = Path.Combine(folder, "report.pdf");
        Assert.Equal(0, (await Run("evaluation", "report", "--edition", "2024", "--format", "pdf", "--out", pdf, "--db", db)).Code);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(pdf)[..4]);

        var noOut = await Run("evaluation", "report", "--edition", "2024", "--format", "xlsx", "--db", db);
        Assert.Equal(1, noOut.Code);
        Assert.Contains("--out FILE", noOut.Err, StringComparison.Ordinal);
        var noEdition = await Run("evaluation", "report", "--edition", "1999", "--format", "json", "--db", db);
        Assert.Equal(1, noEdition.Code);
        Assert.Contains("no edition 1999", noEdition.Err, StringComparison.Ordinal);
        var badFormat = await Run("evaluation", "report", "--edition", "2024", "--format", "docx", "--db", db);
        Assert.NotEqual(0, badFormat.Code);
    }
}
