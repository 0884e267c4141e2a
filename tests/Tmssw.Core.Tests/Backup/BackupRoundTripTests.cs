using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Backup;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Backup;

/// <summary>Backup, change, restore: the data comes back and its sensitive fields still decrypt.</summary>
public sealed class BackupRoundTripTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-backup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory, ProviderData]
    public async Task A_backup_restores_what_was_changed_or_deleted_and_the_sensitive_fields_still_decrypt(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = new KeyRingSetting(Path.Combine(folder, "keys.pfx"), null, [], null, Configured: false);
        var file = Path.Combine(folder, "backups", provider == Provider.Sqlite ? "tmssw.db.bak" : "tmssw.dump");
        int kept, deleted;
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting, keys).BuildServiceProvider())
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
                await DatabaseRegistration.MigrateAsync(db);
                db.Editions.Add(new Tmssw.Core.Editions.Edition { Year = 2031, Title = "Backup test (synthetic)" });
                await db.SaveChangesAsync();
                var edition = db.Editions.Single().Id;
                var a = new Participant { EditionId = edition, GivenName = "Amaru", FamilyName = "Quispe", Country = "PE" };
                var b = new Participant { EditionId = edition, GivenName = "Nilufar", FamilyName = "Rahimova", Country = "UZ" };
                scope.ServiceProvider.GetRequiredService<SensitiveFields>().Write(a, new SensitiveValues("PE7788991", new DateOnly(1985, 6, 7), "amaru@example.org", null));
                db.Participants.AddRange(a, b);
                await db.SaveChangesAsync();
                (kept, deleted) = (a.Id, b.Id);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var report = await scope.ServiceProvider.GetRequiredService<BackupDatabase>().RunAsync(file);
                Assert.Equal(file, report.Path);
                Assert.Equal(provider == Provider.Sqlite ? BackupFormat.Sqlite : BackupFormat.PostgresDump, BackupFiles.Detect(file));
                Assert.Contains("NOT in the backup", report.KeyRingNote);
                Assert.False(File.Exists(file + ".partial"));
            }

            // After the backup: one renamed, one deleted.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
                (await db.Participants.SingleAsync(p => p.Id == kept)).GivenName = "Changed";
                db.Participants.Remove(await db.Participants.SingleAsync(p => p.Id == deleted));
                await db.SaveChangesAsync();
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<RestoreDatabase>().RunAsync(file);
            }
        }

        // A new process (fresh services, same certificate): the data as backed up, still decryptable.
        await using (var services = new ServiceCollection().AddTmsswCore(database.Setting, keys).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var restored = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == kept);
            Assert.Equal("Amaru", restored.GivenName);
            Assert.True(await db.Participants.AnyAsync(p => p.Id == deleted));
            var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveFields>().Read(restored);
            Assert.Equal("PE7788991", sensitive.PassportNumber);
            Assert.Equal("amaru@example.org", sensitive.PersonalEmail);
        }
    }

    [Theory, ProviderData]
    public async Task Restore_refuses_a_file_that_is_no_backup_or_one_of_the_other_provider_before_touching_anything(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var keys = new KeyRingSetting(Path.Combine(folder, "keys.pfx"), null, [], null, Configured: false);
        await using var services = new ServiceCollection().AddTmsswCore(database.Setting, keys).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await DatabaseRegistration.MigrateAsync(scope.ServiceProvider.GetRequiredService<TmsswDbContext>());
        var restore = scope.ServiceProvider.GetRequiredService<RestoreDatabase>();

        var text = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a backup");
        var notBackup = await Assert.ThrowsAsync<BackupException>(() => restore.RunAsync(text));
        Assert.Contains("neither an SQLite database nor a PostgreSQL dump", notBackup.Message);

        var other = Path.Combine(folder, "other");
        await File.WriteAllBytesAsync(other, provider == Provider.Sqlite ? "PGDMP\u0001\u000e"u8.ToArray() : "SQLite format 3\0........"u8.ToArray());
        var wrongKind = await Assert.ThrowsAsync<BackupException>(() => restore.RunAsync(other));
        Assert.Contains("same kind of database", wrongKind.Message);

        var missing = await Assert.ThrowsAsync<BackupException>(() => restore.RunAsync(Path.Combine(folder, "nope.bak")));
        Assert.Contains("No backup file", missing.Message);
    }
}
