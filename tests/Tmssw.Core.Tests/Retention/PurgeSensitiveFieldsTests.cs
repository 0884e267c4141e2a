using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Retention;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Retention;

public sealed class PurgeSensitiveFieldsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, ProviderData]
    public async Task An_edition_ended_13_months_ago_is_purged_with_one_audit_entry_and_one_ended_11_months_ago_is_kept(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        var (oldId, recentId) = await SeedAsync(services);

        // A dry run lists the old edition only and changes nothing.
        await using (var scope = services.CreateAsyncScope())
        {
            var dry = await scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(UserScope.Admin("test"), dryRun: true);
            var listed = Assert.Single(dry.Editions);
            Assert.Equal(2025, listed.Year);
            Assert.Equal(2, listed.Participants);
            Assert.Contains(listed.Fields, f => f.StartsWith("passport number", StringComparison.Ordinal));
            Assert.Contains(listed.Fields, f => f.StartsWith("date of birth", StringComparison.Ordinal));
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(2, await db.Participants.CountAsync(p => p.EditionId == oldId && p.PassportNumberProtected != null));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == PurgeSensitiveFields.AuditAction));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(UserScope.Admin("test"), dryRun: false);
            Assert.False(done.DryRun);
            Assert.Equal(2025, Assert.Single(done.Editions).Year);
        }

        await using (var db = database.NewContext())
        {
            var old = await db.Participants.Where(p => p.EditionId == oldId).ToListAsync();
            Assert.All(old, p =>
            {
                Assert.Null(p.PassportNumberProtected);
                Assert.Null(p.DateOfBirthProtected);
                Assert.Null(p.PersonalEmailProtected);
                Assert.Null(p.PersonalPhoneProtected);
                Assert.False(string.IsNullOrEmpty(p.FamilyName)); // only the sensitive fields go
            });
            var recent = await db.Participants.SingleAsync(p => p.EditionId == recentId);
            Assert.NotNull(recent.PassportNumberProtected);
            Assert.NotNull(recent.DateOfBirthProtected);

            var entry = await db.AuditEntries.SingleAsync(a => a.Action == PurgeSensitiveFields.AuditAction);
            Assert.Equal("Edition", entry.EntityType);
            Assert.Equal("2025", entry.EntityId);
            Assert.Contains("\"ParticipantsPurged\"", entry.ChangesJson);
            Assert.DoesNotContain("P7654321", entry.ChangesJson);
        }

        // A second run finds nothing more and writes no second entry.
        await using (var scope = services.CreateAsyncScope())
        {
            var again = await scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(UserScope.Admin("test"), dryRun: false);
            Assert.Empty(again.Editions);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == PurgeSensitiveFields.AuditAction));
        }
    }

    [Theory, ProviderData]
    public async Task Only_an_admin_may_run_it(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        await SeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        var staff = new UserScope("u1", "staff", new HashSet<string> { Roles.Staff }, new HashSet<int> { 1, 2 });
        await Assert.ThrowsAsync<OutOfScopeException>(() =>
            scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(staff, dryRun: true));
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection().AddTmsswCore(database.Setting);
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        return services.BuildServiceProvider();
    }

    /// <summary>An edition that ended 13 months before <see cref="Now"/> with two people, one that ended 11 months before with one.</summary>
    private static async Task<(int Old, int Recent)> SeedAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        await DatabaseRegistration.MigrateAsync(db);
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var old = new Edition { Year = 2025, Title = "ended 13 months ago", EndDate = today.AddMonths(-13) };
        var recent = new Edition { Year = 2026, Title = "ended 11 months ago", EndDate = today.AddMonths(-11) };
        db.Editions.AddRange(old, recent);
        await db.SaveChangesAsync();
        var fields = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
        foreach (var (edition, name) in new[] { (old, "Ana"), (old, "Bruno"), (recent, "Carla") })
        {
            var p = new Participant { EditionId = edition.Id, GivenName = name, FamilyName = "Test", Country = "EC" };
            fields.Write(p, new SensitiveValues("P7654321", new DateOnly(1985, 1, 2), name.ToLowerInvariant() + "@example.org", "+593 2 765 4321"));
            db.Participants.Add(p);
        }

        await db.SaveChangesAsync();
        return (old.Id, recent.Id);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
