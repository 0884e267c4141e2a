using System.Text.Json;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests;

public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
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

    [Fact]
    public async Task Demo_plan_publishes_a_split_and_every_groups_week_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var db = database.Setting.Value;
        var first = await Run("demo", "--db", db, "--plan");
        Assert.Equal(0, first.Code);
        Assert.Matches("Split: (Optimal|Feasible), score \\d+ .*published as version 1", first.Out);
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Count(first.Out, "Published\\."));

        await using (var context = database.NewContext())
        {
            var edition = context.Editions.Single(e => e.Year == 2024);
            Assert.True(context.Participants.Where(p => p.EditionId == edition.Id).All(p => p.GroupId != null), "Every demo participant is in a group.");
            Assert.Equal(9, context.Participants.Where(p => p.EditionId == edition.Id).Select(p => p.GroupId).Distinct().Count());
            Assert.True(context.Meetings.Count(m => m.EditionId == edition.Id) >= 9 * 5);
        }

        var again = await Run("demo", "--db", db, "--plan");
        Assert.Contains("already has a split", again.Out);
    }

    [Fact]
    public async Task User_add_creates_an_account_and_prints_a_generated_password_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var added = await Run("user", "add", "--db", db, "--email", "staff@tmssw.local", "--role", "Staff", "--edition", "2024");
        Assert.Equal(0, added.Code);
        Assert.Matches("Password \\(shown once\\): \\S{20}", added.Out);

        var duplicate = await Run("user", "add", "--db", db, "--email", "staff@tmssw.local", "--role", "Staff");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("staff@tmssw.local", duplicate.Err);

        var nominator = await Run("user", "add", "--db", db, "--email", "n@x.org", "--role", "Nominator");
        Assert.Equal(1, nominator.Code);
        Assert.Contains("needs the country", nominator.Err);

        var weak = await Run("user", "add", "--db", db, "--email", "h@x.org", "--role", "Host", "--city", "phoenix", "--password", "short");
        Assert.Equal(1, weak.Code);
        Assert.Contains("at least 12", weak.Err);
    }

    [Fact]
    public async Task Errors_go_to_stderr_with_a_non_zero_exit_code()
    {
        var unknown = await Run("frobnicate");
        Assert.NotEqual(0, unknown.Code);
        Assert.Contains("frobnicate", unknown.Err);

        var badRole = await Run("user", "add", "--db", Path.Combine(Path.GetTempPath(), $"tmssw-{Guid.NewGuid():N}.db"), "--email", "a@b.org", "--role", "Pilot");
        Assert.Equal(1, badRole.Code);
        Assert.Contains("Unknown role 'Pilot'", badRole.Err);
        Assert.Equal("", badRole.Out);

        var unreachable = await Run("editions", "--db", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");
        Assert.Equal(2, unreachable.Code);
        Assert.Contains("cannot open the database", unreachable.Err);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("user", "add", "--help")]
    [InlineData("editions", "--help")]
    [InlineData("serve", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var help = await Run(args);
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage:", help.Out);
    }
}
