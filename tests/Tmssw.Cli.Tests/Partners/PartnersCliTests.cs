using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tmssw.Core;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Partners;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Partners;

/// <summary>`tmssw tasks`, `tmssw plan hospitality` and `tmssw outbox` on the demo edition, its participants in their groups.</summary>
public sealed class PartnersCliTests
{
    private static async Task<TestDatabase> DemoWithGroupsAsync(Provider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var groups = await db.Groups.OrderBy(g => g.CityId).ToListAsync();
        var people = await db.Participants.Where(p => p.GroupId == null && p.EditionId == groups[0].EditionId).OrderBy(p => p.Id).ToListAsync();
        for (var i = 0; i < people.Count; i++)
        {
            people[i].GroupId = groups[i % groups.Count].Id;
        }

        await db.SaveChangesAsync();
        await new PrepareCountdown(db).RunAsync(UserScope.Admin("test"), 2024);
        return database;
    }

    [Theory, ProviderData]
    public async Task Tasks_list_the_countdown_with_dates_in_the_city(Provider provider)
    {
        await using var database = await DemoWithGroupsAsync(provider);
        var db = database.Setting.Value;

        var json = await Run("tasks", "--db", db, "--edition", "2024", "--city", "phoenix", "--json");
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var tasks = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(Countdown.Defaults.Count, tasks.Count);
        var requests = tasks.Single(t => t.GetProperty("title").GetString() == "Send meeting requests to hosts");
        Assert.Equal(("arrival", "2024-05-07", -38, "2024-03-30"),
            (requests.GetProperty("anchor").GetString(), requests.GetProperty("anchorDate").GetString(), requests.GetProperty("offsetDays").GetInt32(), requests.GetProperty("due").GetString()));
        var thanks = tasks.Single(t => t.GetProperty("title").GetString() == "Send thank-you notes to hosts");
        Assert.Equal(("departure", "2024-05-15", 3, "2024-05-18"),
            (thanks.GetProperty("anchor").GetString(), thanks.GetProperty("anchorDate").GetString(), thanks.GetProperty("offsetDays").GetInt32(), thanks.GetProperty("due").GetString()));
        Assert.All(tasks, t => Assert.Contains(t.GetProperty("status").GetString(), new[] { "overdue", "due-this-week", "upcoming", "done" }));

        var text = await Run("tasks", "--db", db, "--edition", "2024");
        Assert.Equal(0, text.Code);
        Assert.Contains("salt-lake-city", text.Out);
        Assert.Contains("Send meeting requests to hosts  (arrival 2024-05-07 -38 d, partner)", text.Out);

        var unknown = await Run("tasks", "--db", db, "--edition", "1999");
        Assert.Equal((1, "No edition 1999."), (unknown.Code, unknown.Err.Trim().Split(": ", 2)[^1]));
        var noCity = await Run("tasks", "--db", db, "--edition", "2024", "--city", "atlantis");
        Assert.Equal(1, noCity.Code);
        Assert.Contains("No city 'atlantis'.", noCity.Err);
    }

    [Theory, ProviderData]
    public async Task Plan_hospitality_prints_homes_and_unplaced_and_saves_on_request(Provider provider)
    {
        await using var database = await DemoWithGroupsAsync(provider);
        var db = database.Setting.Value;

        var json = await Run("plan", "hospitality", "--db", db, "--edition", "2024", "--city", "phoenix", "--json");
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var homes = doc.RootElement.GetProperty("homes").EnumerateArray().ToList();
        Assert.Equal(5, homes.Count);
        Assert.All(homes, h => Assert.True(h.GetProperty("guests").GetArrayLength() + h.GetProperty("interpreters").GetArrayLength() <= h.GetProperty("capacity").GetInt32()));
        Assert.Empty(doc.RootElement.GetProperty("unplaced").EnumerateArray());
        await using (var context = database.NewContext())
        {
            var members = await context.Participants.Where(p => context.Groups.Any(g => g.Id == p.GroupId && g.CityId == "phoenix")).Select(p => p.Id).ToListAsync();
            Assert.Equal(members.Order(), homes.SelectMany(h => h.GetProperty("guests").EnumerateArray().Select(g => g.GetInt32())).Order());
            Assert.False(await context.HospitalityEvenings.AnyAsync());
        }

        var saved = await Run("plan", "hospitality", "--db", db, "--edition", "2024", "--city", "phoenix", "--save");
        Assert.True(saved.Code == 0, saved.Err);
        Assert.Contains("Saved:", saved.Err);
        await using (var context = database.NewContext())
        {
            Assert.Equal(1, await context.HospitalityEvenings.CountAsync());
        }

        // The evening after the group left: nobody can be placed, and each says why.
        var late = await Run("plan", "hospitality", "--db", db, "--edition", "2024", "--city", "phoenix", "--evening", "2024-05-20");
        Assert.Equal(1, late.Code);
        Assert.Contains("not placed: ", late.Out);
        Assert.Contains("no household is free that evening", late.Out);
        var bad = await Run("plan", "hospitality", "--db", db, "--edition", "2024", "--city", "phoenix", "--evening", "May 20");
        Assert.Equal(1, bad.Code);
        Assert.Contains("--evening: 'May 20' is not a date (YYYY-MM-DD).", bad.Err);
    }

    [Theory, ProviderData]
    public async Task Outbox_lists_approves_and_sends_only_what_was_approved(Provider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await DemoWithGroupsAsync(provider);
        var db = database.Setting.Value;
        int first, second;
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting).BuildServiceProvider())
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
            var two = await context.Participants.Where(p => p.Status == NominationStatus.Confirmed).OrderBy(p => p.Id).Take(2).ToListAsync();
            sensitive.Write(two[0], new SensitiveValues(null, null, "first@example.org", null));
            sensitive.Write(two[1], new SensitiveValues(null, null, "second@example.org", null));
            await context.SaveChangesAsync();
            (first, second) = (two[0].Id, two[1].Id);
            var changed = await scope.ServiceProvider.GetRequiredService<ChangeStatuses>().RunAsync(UserScope.Admin("test"), new StatusChangeRequest([first, second], NominationStatus.Traveling, null));
            Assert.True(changed.Succeeded);
        }

        var list = await Run("outbox", "list", "--db", db, "--json");
        Assert.True(list.Code == 0, list.Err);
        using var doc = JsonDocument.Parse(list.Out);
        var messages = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(("waiting", "statusChanged"), (m.GetProperty("status").GetString(), m.GetProperty("template").GetString())));
        var id = messages.Single(m => m.GetProperty("to").GetString() == "first@example.org").GetProperty("id").GetInt32();

        var approve = await Run("outbox", "approve", "--db", db, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(approve.Code == 0, approve.Err);
        var again = await Run("outbox", "approve", "--db", db, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, again.Code);
        Assert.Contains("is approved, not waiting", again.Err);
        var missing = await Run("outbox", "approve", "--db", db, "999999");
        Assert.Equal(1, missing.Code);
        Assert.Contains("there is no message #999999", missing.Err);

        var unset = await Run("outbox", "send", "--db", db);
        Assert.Equal(1, unset.Code);
        Assert.Contains("TMSSW_SMTP is not set", unset.Err);

        Environment.SetEnvironmentVariable("TMSSW_SMTP", sink.Url);
        Environment.SetEnvironmentVariable("TMSSW_MAIL_FROM", "TMSSW program <program@example.org>");
        try
        {
            var send = await Run("outbox", "send", "--db", db);
            Assert.True(send.Code == 0, send.Err);
            Assert.Contains("1 sent, 0 failed", send.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TMSSW_SMTP", null);
            Environment.SetEnvironmentVariable("TMSSW_MAIL_FROM", null);
        }

        var mail = MimeMessage.Load(new MemoryStream(Assert.Single(sink.Received())));
        Assert.Equal("first@example.org", mail.To.Mailboxes.Single().Address);
        var after = JsonDocument.Parse((await Run("outbox", "list", "--db", db, "--json")).Out).RootElement.EnumerateArray().ToList();
        Assert.Equal("sent", after.Single(m => m.GetProperty("id").GetInt32() == id).GetProperty("status").GetString());
        Assert.Equal("waiting", after.Single(m => m.GetProperty("id").GetInt32() != id).GetProperty("status").GetString());
    }
}
