using System.Text.Json;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Demo;

public sealed class DemoCliTests
{
    [Theory, ProviderData]
    public async Task Demo_then_editions_json_lists_ten_editions_with_56_from_47_in_2024(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;

        var demo = await Run("demo", "--db", db);
        Assert.Equal(0, demo.Code);
        Assert.Contains("56 participants", demo.Out);
        Assert.Equal("", demo.Err);

        var again = await Run("demo", "--db", db);
        Assert.Equal(0, again.Code);
        Assert.Contains("nothing added", again.Out);

        var editions = await Run("editions", "--db", db, "--json");
        Assert.Equal(0, editions.Code);
        using var json = JsonDocument.Parse(editions.Out);
        var list = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(10, list.Count);
        var e2024 = list.Single(e => e.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(56, e2024.GetProperty("participants").GetInt32());
        Assert.Equal(47, e2024.GetProperty("countries").GetInt32());
        var published = e2024.GetProperty("published").EnumerateArray().ToList();
        Assert.Contains(published, f => f.GetProperty("value").GetInt32() == 40 && f.GetProperty("metric").GetString() == "countries");
        Assert.All(published, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("source").GetString())));
        var e2021 = list.Single(e => e.GetProperty("year").GetInt32() == 2021);
        Assert.Equal(0, e2021.GetProperty("published").GetArrayLength());
    }

    [Theory, ProviderData]
    public async Task Demo_plan_publishes_a_split_and_every_groups_week_once(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var first = await Run("demo", "--db", db, "--plan");
        Assert.Equal(0, first.Code);
        Assert.Matches("Split: (Optimal|Feasible), score \\d+ .*published as version 1", first.Out);
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Count(first.Out, "Published\\."));

        await using (var context = database.NewContext())
        {
            var edition = context.Editions.Single(e => e.Year == 2024);
            // The cohort the split places (Confirmed); the demo's synthetic alumni (Completed) are not in it.
            var cohort = context.Participants.Where(p => p.EditionId == edition.Id && p.Status == Tmssw.Core.Participants.NominationStatus.Confirmed);
            Assert.True(cohort.Count() >= 50);
            Assert.True(cohort.All(p => p.GroupId != null), "Every demo participant of the cohort is in a group.");
            Assert.Equal(9, cohort.Select(p => p.GroupId).Distinct().Count());
            Assert.True(context.Meetings.Count(m => m.EditionId == edition.Id) >= 9 * 5);
        }

        var again = await Run("demo", "--db", db, "--plan");
        Assert.Contains("already has a split", again.Out);
    }
}
