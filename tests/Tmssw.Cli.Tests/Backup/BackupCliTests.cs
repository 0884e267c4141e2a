using Microsoft.EntityFrameworkCore;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Backup;

public sealed class BackupCliTests
{
    [Theory, ProviderData]
    public async Task Backup_then_restore_brings_back_a_changed_user_and_says_the_certificate_is_not_in_the_file(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var folder = Directory.CreateTempSubdirectory("tmssw-cli-backup-").FullName;
        try
        {
            Assert.Equal(0, (await Run("user", "add", "--db", db, "--email", "kept@tmssw.local", "--role", "Staff", "--edition", "2024")).Code);
            var file = Path.Combine(folder, "tmssw.backup");
            var backup = await Run("backup", "--db", db, "--out", file);
            Assert.True(backup.Code == 0, backup.Err);
            Assert.Contains($"Wrote {file}", backup.Out);
            Assert.Contains("NOT in the backup", backup.Err);

            await using (var context = database.NewContext())
            {
                await context.Users.Where(u => u.Email == "kept@tmssw.local").ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, "changed@tmssw.local"));
            }

            var restore = await Run("restore", "--db", db, file);
            Assert.True(restore.Code == 0, restore.Err);
            Assert.Contains("Restored", restore.Out);
            await using (var context = database.NewContext())
            {
                Assert.True(await context.Users.AnyAsync(u => u.Email == "kept@tmssw.local"));
            }

            var missing = await Run("restore", "--db", db, Path.Combine(folder, "nothing.backup"));
            Assert.Equal(1, missing.Code);
            Assert.Contains("No backup file", missing.Err);

            var noOut = await Run("backup", "--db", db);
            Assert.NotEqual(0, noOut.Code);
            Assert.Contains("--out", noOut.Err);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
