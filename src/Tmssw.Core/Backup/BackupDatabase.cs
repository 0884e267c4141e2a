using Microsoft.Data.Sqlite;
using Tmssw.Core.Data;

namespace Tmssw.Core.Backup;

/// <summary>What was written: the file, its size and the key ring sentence to print.</summary>
public sealed record BackupReport(string Path, long Bytes, BackupFormat Format, string KeyRingNote);

/// <summary>
/// An operator backs the database up to one file while the app keeps running: SQLite through its online
/// backup API (a consistent copy even while the app writes), PostgreSQL with <c>pg_dump -Fc</c> (one
/// consistent snapshot). The file is written beside its target and renamed into place, so an
/// interrupted backup never leaves a half-written file under the chosen name. The key ring's rows are
/// in it, still encrypted; the certificate is not.
/// </summary>
public sealed class BackupDatabase(DatabaseSetting setting, KeyRingSetting keys)
{
    public async Task<BackupReport> RunAsync(string outPath, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (setting.IsPostgres)
            {
                await PostgresTools.RunAsync("pg_dump", setting.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], cancellationToken);
            }
            else
            {
                CopySqlite(setting.ConnectionString, partial);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupReport(target, new FileInfo(target).Length, setting.IsPostgres ? BackupFormat.PostgresDump : BackupFormat.Sqlite, BackupFiles.KeyRingNote(keys.CertificatePath));
    }

    /// <summary>SQLite's online backup, page by page, of a database that may be in use.</summary>
    internal static void CopySqlite(string sourceConnectionString, string destinationPath)
    {
        using var source = new SqliteConnection(sourceConnectionString);
        source.Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ToString());
        destination.Open();
        source.BackupDatabase(destination);
    }
}
