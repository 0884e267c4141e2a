using System.Text.Json;
using Tmssw.Planning.Splits;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Splits;

public sealed class PlanSplitCliTests
{
    /// <summary>An S-sized instance (56 participants, 9 cities) like the demo's, made up from a seed.</summary>
    private static SplitInstance Small(int seed = 7)
    {
        var random = new Random(seed);
        string[] themes = ["narcotics", "terrorism", "cybercrime", "border-security", "money-laundering"];
        string[] regions = ["Africa", "Americas", "Asia", "Europe"];
        var participants = Enumerable.Range(0, 56).Select(i => new Participant(
            $"p{i:00}",
            $"C{i % 47:00}",
            regions[i % regions.Length],
            i % 3 == 0 ? "F" : "M",
            "law-enforcement",
            [themes[random.Next(themes.Length)], themes[random.Next(themes.Length)]],
            i % 5 == 0 ? "es" : i % 7 == 0 ? "fr" : null)).Select(p => p with { Themes = [.. p.Themes.Distinct()] }).ToList();
        var cities = Enumerable.Range(0, 9).Select(c => new City(
            $"city{c}", null, 5, 8,
            themes.Where((_, t) => (t + c) % 3 == 0).ToDictionary(t => t, _ => random.Next(1, 4)),
            2)).ToList();
        return new SplitInstance(participants, cities);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tmssw-split-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Input_json_prints_exactly_the_output_format_with_progress_on_stderr()
    {
        var instance = Small();
        var path = WriteTemp(SplitJson.WriteInstance(instance));
        try
        {
            var (code, output, error) = await Run("plan", "split", "--input", path, "--time-limit", "10", "--json");
            Assert.Equal(0, code);
            Assert.Contains("score", error);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(
                ["status", "score", "bound", "assignment", "breakdown", "explanations", "conflicts", "seconds"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Contains(root.GetProperty("status").GetString(), new[] { "Optimal", "Feasible" });
            var assignment = root.GetProperty("assignment").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.Equal(56, assignment.Count);
            var evaluation = SplitScorer.Evaluate(instance, assignment);
            Assert.True(evaluation.IsFeasible);
            Assert.Equal(evaluation.Score, root.GetProperty("score").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Exit_codes_say_infeasible_invalid_or_unreadable()
    {
        // Infeasible: nine cities of at most 5 cannot hold 56.
        var tooSmall = Small() with { Cities = [.. Small().Cities.Select(c => c with { MaxSize = 5 })] };
        var infeasible = WriteTemp(SplitJson.WriteInstance(tooSmall));
        var unknownField = WriteTemp("""{ "participants": [ { "id": "p1", "country": "MX", "nmae": "x" } ], "cities": [ { "id": "reno", "maxSize": 3 } ] }""");
        var notJson = WriteTemp("{ this is not json");
        try
        {
            var result = await Run("plan", "split", "--input", infeasible, "--json");
            Assert.Equal(1, result.Code);
            using (var json = JsonDocument.Parse(result.Out))
            {
                Assert.Equal("Infeasible", json.RootElement.GetProperty("status").GetString());
                Assert.NotEqual(0, json.RootElement.GetProperty("conflicts").GetArrayLength());
            }

            Assert.Contains("No plan meets the rules", result.Err);

            var invalid = await Run("plan", "split", "--input", unknownField, "--json");
            Assert.Equal(1, invalid.Code);
            Assert.Contains("participants[0].nmae: unknown field", invalid.Err);
            Assert.Equal("", invalid.Out);

            var unreadable = await Run("plan", "split", "--input", notJson, "--json");
            Assert.Equal(2, unreadable.Code);
            var missing = await Run("plan", "split", "--input", Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.json"), "--json");
            Assert.Equal(2, missing.Code);
            Assert.Contains("cannot read", missing.Err);

            Assert.Equal(1, (await Run("plan", "split", "--json")).Code);
            Assert.Equal(1, (await Run("plan", "split", "--input", notJson, "--time-limit", "-3")).Code);
        }
        finally
        {
            File.Delete(infeasible);
            File.Delete(unknownField);
            File.Delete(notJson);
        }
    }

    [Theory, ProviderData]
    public async Task Edition_mode_saves_a_new_version_and_prints_the_groups(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;

        var table = await Run("plan", "split", "--db", db, "--edition", "2024", "--time-limit", "3");
        Assert.Equal(0, table.Code);
        Assert.Contains("Saved version 1", table.Out);
        Assert.Contains("Salt Lake City", table.Out);
        Assert.Contains("score", table.Err);

        var json = await Run("plan", "split", "--db", db, "--edition", "2024", "--time-limit", "3", "--json");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(56, doc.RootElement.GetProperty("assignment").EnumerateObject().Count());
        Assert.Contains("Saved version 2", json.Err);

        await using (var context = database.NewContext())
        {
            Assert.Equal(2, context.SplitPlans.Count());
        }

        var unknown = await Run("plan", "split", "--db", db, "--edition", "1999");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("no 1999 edition", unknown.Err);
    }
}
