using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Retention;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Retention;

public sealed class RetentionCliTests
{
    [Theory, ProviderData]
    public async Task A_dry_run_lists_what_would_go_and_changes_nothing_then_the_run_purges_it(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            await DatabaseRegistration.MigrateAsync(db);
            var old = new Edition { Year = 2001, Title = "long over", EndDate = today.AddMonths(-13) };
            var recent = new Edition { Year = 2002, Title = "recent", EndDate = today.AddMonths(-11) };
            db.Editions.AddRange(old, recent);
            await db.SaveChangesAsync();
            var fields = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
            foreach (var edition in new[] { old, recent })
            {
                var p = new Participant { EditionId = edition.Id, GivenName = "Rita", FamilyName = "Kept", Country = "EC" };
                fields.Write(p, new SensitiveValues("X9988776", new DateOnly(1979, 5, 6), null, null));
                db.Participants.Add(p);
            }

            await db.SaveChangesAsync();
        }

        var (code, output, error) = await Run("retention", "run", "--dry-run", "--json", "--db", database.Setting.Value);
        Assert.True(code == 0, error);
        using (var json = JsonDocument.Parse(output))
        {
            Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
            Assert.Equal(RetentionSettings.DefaultMonths, json.RootElement.GetProperty("months").GetInt32());
            var edition = Assert.Single(json.RootElement.GetProperty("editions").EnumerateArray());
            Assert.Equal(2001, edition.GetProperty("year").GetInt32());
            Assert.Equal(1, edition.GetProperty("participants").GetInt32());
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.Participants.CountAsync(p => p.PassportNumberProtected != null));
        }

        (code, output, error) = await Run("retention", "run", "--db", database.Setting.Value);
        Assert.True(code == 0, error);
        Assert.Contains("2001 (ended", output);
        Assert.Contains("purged", output);
        await using (var db = database.NewContext())
        {
            var kept = await db.Participants.Join(db.Editions, p => p.EditionId, e => e.Id, (p, e) => new { e.Year, p.PassportNumberProtected, p.DateOfBirthProtected }).ToListAsync();
            Assert.Null(kept.Single(k => k.Year == 2001).PassportNumberProtected);
            Assert.Null(kept.Single(k => k.Year == 2001).DateOfBirthProtected);
            Assert.NotNull(kept.Single(k => k.Year == 2002).PassportNumberProtected);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == PurgeSensitiveFields.AuditAction && a.EntityId == "2001"));
        }

        (code, output, _) = await Run("retention", "run", "--dry-run", "--db", database.Setting.Value);
        Assert.Equal(0, code);
        Assert.Contains("Nothing to purge", output);
    }
}
