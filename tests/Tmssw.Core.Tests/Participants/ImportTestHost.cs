using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Import;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// A failure half way through a commit, injected by the database itself: a trigger, created by the
/// test after seeding, that aborts the insert of a participant once <paramref name="rows"/> more have
/// been written inside the import's transaction, however the import writes them.
/// </summary>
internal sealed class FailAfter(int rows)
{
    public string Message => $"Injected failure after {rows} rows";

    public async Task ArmAsync(TmsswDbContext db)
    {
        var existing = await db.Participants.CountAsync();
        var limit = existing + rows;
        if (db.Database.IsSqlite())
        {
            // The limit is a number and the message a constant of this class: nothing from outside.
            var trigger = $"CREATE TRIGGER inject_failure BEFORE INSERT ON \"Participants\" WHEN (SELECT COUNT(*) FROM \"Participants\") >= {limit} "
                + $"BEGIN SELECT RAISE(ABORT, '{Message}'); END;";
            await db.Database.ExecuteSqlRawAsync(trigger);
            return;
        }

        var function = "CREATE FUNCTION inject_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + $"IF (SELECT count(*) FROM \"Participants\") >= {limit} THEN RAISE EXCEPTION '{Message}'; END IF; RETURN NEW; END $$;";
        await db.Database.ExecuteSqlRawAsync(function);
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER inject_failure BEFORE INSERT ON \"Participants\" FOR EACH ROW EXECUTE FUNCTION inject_failure();");
    }
}

/// <summary>
/// A migrated database with edition 2025 and two participants already nominated: Ana María Pérez
/// Soto (EC, passport A1234567, Nominated) and Иван Петров (RU, born 1970-01-15, Vetted).
/// </summary>
internal sealed class ImportTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private ImportTestHost(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        this.services = services;
    }

    public TestDatabase Database { get; }

    public int EditionId { get; private set; }

    public int AnaId { get; private set; }

    public int IvanId { get; private set; }

    public static async Task<ImportTestHost> CreateAsync(Provider provider, FailAfter? failure = null, bool seed = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var collection = new ServiceCollection().AddTmsswCore(database.Setting);
        collection.AddSingleton<TimeProvider>(new FixedClock(Now));
        var host = new ImportTestHost(database, collection.BuildServiceProvider());
        await using var scope = host.services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        await DatabaseRegistration.MigrateAsync(db);
        var edition = new Edition { Year = 2025, Title = "TMSSW 2025" };
        db.Editions.Add(edition);
        db.Editions.Add(new Edition { Year = 2026, Title = "TMSSW 2026" });
        await db.SaveChangesAsync();
        host.EditionId = edition.Id;
        if (seed)
        {
            var fields = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
            var ana = new Participant
            {
                EditionId = edition.Id, GivenName = "Ana María", FamilyName = "Pérez Soto", Country = "EC", Region = Tmssw.Core.Reference.Countries.FindByCode("EC")!.WorldRegion,
                Gender = "F", Sector = "prosecution", Agency = "Fiscalía", Position = "Fiscal", CreatedAt = Now, UpdatedAt = Now,
            };
            fields.Write(ana, new SensitiveValues("A1234567", new DateOnly(1980, 3, 12), "ana@example.org", null));
            var ivan = new Participant
            {
                EditionId = edition.Id, GivenName = "Иван", FamilyName = "Петров", Country = "RU", Region = Tmssw.Core.Reference.Countries.FindByCode("RU")!.WorldRegion,
                Gender = "M", Sector = "law-enforcement", Status = NominationStatus.Vetted, CreatedAt = Now, UpdatedAt = Now,
            };
            fields.Write(ivan, new SensitiveValues(null, new DateOnly(1970, 1, 15), null, null));
            db.Participants.AddRange(ana, ivan);
            await db.SaveChangesAsync();
            (host.AnaId, host.IvanId) = (ana.Id, ivan.Id);
        }

        if (failure is not null)
        {
            await failure.ArmAsync(db);
        }

        return host;
    }

    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task<T> Use<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<ImportPreview> PreviewAsync(ImportSource source, ImportOptions? options = null, UserScope? scope = null) =>
        Use(sp => sp.GetRequiredService<PreviewImport>().RunAsync(scope ?? UserScope.Admin("tester"), source, options ?? new ImportOptions(2025)));

    public Task<ImportResult> CommitAsync(ImportSource source, ImportOptions? options = null, UserScope? scope = null) =>
        Use(sp => sp.GetRequiredService<CommitImport>().RunAsync(scope ?? UserScope.Admin("tester"), source, options ?? new ImportOptions(2025)));

    /// <summary>Everything an import may write, counted and fingerprinted, to compare before and after.</summary>
    public Task<string> StateAsync() => Use(async sp =>
    {
        var db = sp.GetRequiredService<TmsswDbContext>();
        var participants = await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        var rows = string.Join("\n", participants.Select(p => $"{p.Id}|{p.GivenName}|{p.FamilyName}|{p.Country}|{p.Agency}|{p.Position}|{p.Status}|{p.PassportNumberProtected}|{p.UpdatedAt:O}"));
        return $"participants={participants.Count} history={await db.StatusChanges.CountAsync()} audit={await db.AuditEntries.CountAsync()}\n{rows}";
    });

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public static UserScope Nominator(string country) =>
        new("nominator-id", "nominator@embassy.example", new HashSet<string> { Roles.Nominator }, new HashSet<int>(), Country: country);
}
