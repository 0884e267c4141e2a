using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Alumni;

public sealed class AlumniCliTests
{
    [Theory, ProviderData]
    public async Task Alumni_list_shows_only_shared_fields_filters_by_edition_and_drops_a_withdrawn_field_at_once(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var all = await Run("alumni", "list", "--db", db, "--json");
        Assert.Equal((0, ""), (all.Code, all.Err));
        using (var json = JsonDocument.Parse(all.Out))
        {
            var names = json.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
            Assert.Contains("Amina Diallo", names);
            Assert.DoesNotContain("Rashid Karimov", names); // shares nothing: not listed
            var lan = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Lan Nguyen Thi");
            Assert.Equal(JsonValueKind.Null, lan.GetProperty("country").ValueKind);
            Assert.Equal("cybercrime", lan.GetProperty("themes")[0].GetString());
        }

        var in2024 = await Run("alumni", "list", "--db", db, "--edition", "2023", "--json");
        using (var json = JsonDocument.Parse(in2024.Out))
        {
            var maria = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Maria Santos");
            Assert.Equal("Philippine Drug Enforcement Agency", maria.GetProperty("agency").GetString());
            Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal(2023, e.GetProperty("edition").GetInt32()));
        }

        // Maria withdraws her agency (what /me/alumni writes): the next listing no longer has it.
        await using (var context = database.NewContext())
        {
            var mariaId = await context.Participants.Where(p => p.GivenName == "Maria" && p.FamilyName == "Santos").Select(p => p.Id).SingleAsync();
            var sharing = await context.AlumniSharing.SingleAsync(s => s.ParticipantId == mariaId);
            sharing.ShareAgency = false;
            await context.SaveChangesAsync();
        }

        var after = await Run("alumni", "list", "--db", db);
        Assert.Equal(0, after.Code);
        Assert.Contains("Maria Santos", after.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Philippine Drug Enforcement Agency", after.Out, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task Alumni_digest_dry_run_queues_nothing_and_the_real_run_fills_the_outbox(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var dry = await Run("alumni", "digest", "--db", db, "--dry-run");
        Assert.Equal((0, ""), (dry.Code, dry.Err));
        Assert.Contains("Dry run: 3 digest(s) would be queued.", dry.Out, StringComparison.Ordinal);
        Assert.Contains("Amina Diallo", dry.Out, StringComparison.Ordinal);
        await using (var context = database.NewContext())
        {
            Assert.Equal(0, await context.OutboxMessages.CountAsync());
        }

        var real = await Run("alumni", "digest", "--db", db);
        Assert.Equal(0, real.Code);
        Assert.Contains("3 digest(s) queued", real.Out, StringComparison.Ordinal);
        var outbox = await Run("outbox", "list", "--db", db, "--json");
        using var json = JsonDocument.Parse(outbox.Out);
        Assert.Equal(3, json.RootElement.EnumerateArray().Count(m => m.GetProperty("template").GetString() == "alumniDigest"));
        Assert.All(json.RootElement.EnumerateArray(), m => Assert.Equal("waiting", m.GetProperty("status").GetString()));
    }
}
