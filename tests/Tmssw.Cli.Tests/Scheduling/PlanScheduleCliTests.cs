using System.Text.Json;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Scheduling;

public sealed class PlanScheduleCliTests
{
    private const string Instance = """
        {
          "timeZone": "America/Phoenix",
          "days": ["2024-05-06", "2024-05-07"],
          "day": { "start": "09:00", "end": "17:30", "lunch": ["12:00", "13:00"], "maxMeetings": 4 },
          "venues": [ { "id": "v1", "name": "Phoenix Police HQ", "lat": 33.4484, "lon": -112.0740 },
                      { "id": "v2", "name": "ASU Law", "lat": 33.4530, "lon": -112.0680 } ],
          "travel": { "minutesPerKm": 2, "minimumMinutes": 15 },
          "groups": [ { "id": "g1", "busy": [["2024-05-06T09:00", "2024-05-06T10:30"]] } ],
          "offers": [
            { "id": "m1", "host": "phx-pd", "group": "g1", "venue": "v1", "minutes": 90, "value": 5, "required": true,
              "windows": [["2024-05-06T09:00", "2024-05-07T12:00"]] },
            { "id": "m2", "host": "asu", "group": "g1", "venue": "v2", "minutes": 60, "value": 3,
              "windows": [["2024-05-06T13:00", "2024-05-06T17:00"]] }
          ]
        }
        """;

    private static string TempFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tmssw-schedule-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory, ProviderData]
    public async Task On_the_database_it_saves_the_week_and_prints_a_day_by_day_table_or_the_output_json(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;

        var table = await Run("plan", "schedule", "--db", db, "--edition", "2024", "--city", "phoenix", "--time-limit", "5");
        Assert.True(table.Code == 0, table.Err);
        Assert.Contains("Wed 2024-05-08 (UTC-07:00)", table.Out);
        Assert.Contains("12:00–13:00  Lunch", table.Out);
        Assert.Contains("Arrival and check-in", table.Out);
        Assert.Contains("[Planned]", table.Out);
        Assert.Contains("score", table.Err);
        Assert.DoesNotContain("conflict:", table.Out);

        var json = await Run("plan", "schedule", "--db", db, "--edition", "2024", "--city", "salt-lake-city", "--time-limit", "5", "--json");
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Contains(doc.RootElement.GetProperty("status").GetString(), new[] { "Optimal", "Feasible" });
        var meetings = doc.RootElement.GetProperty("meetings").EnumerateArray().ToList();
        Assert.NotEmpty(meetings);
        Assert.All(meetings, m => Assert.EndsWith("-06:00", m.GetProperty("start").GetString()));

        var unknown = await Run("plan", "schedule", "--db", db, "--edition", "2024", "--city", "atlantis");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("No city 'atlantis'", unknown.Err);
        var missing = await Run("plan", "schedule", "--db", db, "--edition", "2024");
        Assert.Equal(1, missing.Code);
        Assert.Contains("--city", missing.Err);
    }

    [Fact]
    public async Task On_a_file_it_prints_the_output_format_and_exits_by_status()
    {
        var file = TempFile(Instance);
        try
        {
            var ok = await Run("plan", "schedule", "--input", file, "--time-limit", "5", "--json");
            Assert.True(ok.Code == 0, ok.Err);
            using var doc = JsonDocument.Parse(ok.Out);
            var root = doc.RootElement;
            Assert.Equal(["status", "score", "bound", "meetings", "unscheduled", "seconds"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Optimal", root.GetProperty("status").GetString());
            Assert.Equal(8, root.GetProperty("score").GetInt32());
            Assert.Equal(8, root.GetProperty("bound").GetInt32());
            var m1 = root.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("offer").GetString() == "m1");
            Assert.Matches(@"^2024-05-0[67]T\d\d:\d\d-07:00$", m1.GetProperty("start").GetString());
            Assert.Contains("score", ok.Err);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Infeasible_and_invalid_files_exit_1_and_an_unreadable_file_exits_2()
    {
        var infeasible = TempFile(Instance.Replace("\"2024-05-06T09:00\", \"2024-05-07T12:00\"", "\"2024-05-06T12:00\", \"2024-05-06T13:30\""));
        var invalid = TempFile(Instance.Replace("\"value\": 3,", "\"value\": 3, \"colour\": \"red\","));
        try
        {
            var none = await Run("plan", "schedule", "--input", infeasible, "--time-limit", "5", "--json");
            Assert.Equal(1, none.Code);
            Assert.Equal("Infeasible", JsonDocument.Parse(none.Out).RootElement.GetProperty("status").GetString());

            var bad = await Run("plan", "schedule", "--input", invalid, "--json");
            Assert.Equal(1, bad.Code);
            Assert.Contains("$.offers[1].colour", bad.Err);
            Assert.Contains("unknown field", bad.Err);
            Assert.Equal("", bad.Out);

            var gone = await Run("plan", "schedule", "--input", Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json"), "--json");
            Assert.Equal(2, gone.Code);
            Assert.Contains("cannot read", gone.Err);
        }
        finally
        {
            File.Delete(infeasible);
            File.Delete(invalid);
        }
    }
}
