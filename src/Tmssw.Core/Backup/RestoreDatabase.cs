using Microsoft.Data.Sqlite;
using Tmssw.Core.Data;

namespace Tmssw.Core.Backup;

/// <summary>What was restored, and the key ring sentence to print.</summary>
public sealed record RestoreReport(string Database, BackupFormat Format, string KeyRingNote);

/// <summary>
/// An operator puts a backup back in place of the database's contents (stop the app instances first):
/// an SQLite backup is copied in with the online backup API, a PostgreSQL dump with
/// <c>pg_restore --clean --if-exists --single-transaction</c> (all or nothing). A file of the other provider, or
/// no backup at all, is refused before anything is touched. The restored key ring needs the certificate
/// that encrypted it (<see cref="KeyRingSetting"/>, or its old certificates).
/// </summary>
public sealed class RestoreDatabase(DatabaseSetting setting, KeyRingSetting keys)
{
    public async Task<RestoreReport> RunAsync(string backupPath, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(backupPath);
        if (!File.Exists(path))
        {
            throw new BackupException($"No backup file {path}.");
        }

        var format = BackupFiles.Detect(path);
        var expected = setting.IsPostgres ? BackupFormat.PostgresDump : BackupFormat.Sqlite;
        if (format == BackupFormat.Unknown)
        {
            throw new BackupException($"{path} is neither an SQLite database nor a PostgreSQL dump made by tmssw backup.");
        }

        if (format != expected)
        {
            throw new BackupException($"{path} is {(format == BackupFormat.Sqlite ? "an SQLite backup" : "a PostgreSQL dump")}, but the database is {setting.Describe()}: restore it into the same kind of database.");
        }

        if (setting.IsPostgres)
        {
            await PostgresTools.RunAsync("pg_restore", setting.ConnectionString,
                ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", new Npgsql.NpgsqlConnectionStringBuilder(setting.ConnectionString).Database ?? "", path],
                cancellationToken);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            BackupDatabase.CopySqlite(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), setting.Value);
            SqliteConnection.ClearAllPools();
        }

        return new RestoreReport(setting.Describe(), format, BackupFiles.KeyRingNote(keys.CertificatePath));
    }
}
