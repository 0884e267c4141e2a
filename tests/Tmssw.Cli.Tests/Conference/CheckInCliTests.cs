using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Conference;

public sealed class CheckInCliTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory, ProviderData]
    public async Task Checkin_verifies_records_once_flags_the_duplicate_and_refuses_a_forged_token(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        // A badge token issued with the keys the database holds, as `tmssw export badges` issues them.
        int sessionId;
        string token;
        await using (var services = new ServiceCollection().AddLogging().AddTmsswCore(database.Setting).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<Tmssw.Core.Data.TmsswDbContext>();
            sessionId = await context.ConferenceSessions.OrderByDescending(s => s.Start).ThenByDescending(s => s.Id).Select(s => s.Id).FirstAsync();
            var participant = await context.Participants.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            token = scope.ServiceProvider.GetRequiredService<IssueBadgeToken>().Issue(new BadgeClaim(2024, BadgeRoles.Participant, participant));
        }

        var verified = await Run("checkin", token, "--edition", "2024", "--db", db);
        Assert.True(verified.Code == 0, verified.Err);
        Assert.StartsWith("Verified:", verified.Out, StringComparison.Ordinal);

        var first = await Run("checkin", token, "--edition", "2024", "--session", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--db", db);
        Assert.True(first.Code == 0, first.Err);
        using (var json = JsonDocument.Parse(first.Out))
        {
            Assert.Equal("CheckedIn", json.RootElement.GetProperty("result").GetString());
            Assert.False(json.RootElement.GetProperty("duplicate").GetBoolean());
            Assert.Equal("participant", json.RootElement.GetProperty("person").GetProperty("kind").GetString());
            Assert.Equal(sessionId, json.RootElement.GetProperty("sessionId").GetInt32());
        }

        var again = await Run("checkin", token, "--edition", "2024", "--session", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        Assert.Equal(0, again.Code);
        Assert.Contains("already checked in at", again.Out, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse((await Run("checkin", token, "--edition", "2024", "--session", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--db", db)).Out))
        {
            Assert.True(json.RootElement.GetProperty("duplicate").GetBoolean());
        }

        var forged = await Run("checkin", token[..^2] + "xx", "--edition", "2024", "--session", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        Assert.Equal(1, forged.Code);
        Assert.Contains("does not verify", forged.Err, StringComparison.Ordinal);
        var forgedJson = await Run("checkin", "garbage", "--edition", "2024", "--json", "--db", db);
        Assert.Equal(1, forgedJson.Code);
        using (var json = JsonDocument.Parse(forgedJson.Out))
        {
            Assert.Equal("InvalidToken", json.RootElement.GetProperty("result").GetString());
        }

        Assert.Equal(1, (await Run("checkin", token, "--edition", "2024", "--session", "999999", "--db", db)).Code);
        Assert.Equal(1, (await Run("checkin", token, "--edition", "1999", "--db", db)).Code);
        Assert.Equal(2, (await Run("checkin", token, "--edition", "2024", "--db", "Host=127.0.0.1;Port=1;Database=none;Timeout=2")).Code);
    }
}
