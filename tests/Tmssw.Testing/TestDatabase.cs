using Npgsql;
using Tmssw.Core.Data;

namespace Tmssw.Testing;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database on a real engine: a temporary SQLite file, or a new database on the
/// PostgreSQL server that <c>./test.sh</c> starts and names in <c>TMSSW_TEST_PG</c>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "TMSSW_TEST_PG";

    private readonly string? sqliteFolder;
    private readonly string? postgresName;

    private TestDatabase(DatabaseSetting setting, string? sqliteFolder, string? postgresName)
    {
        Setting = setting;
        this.sqliteFolder = sqliteFolder;
        this.postgresName = postgresName;
    }

    public DatabaseSetting Setting { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("tmssw-test-").FullName;
            return new TestDatabase(new DatabaseSetting(Path.Combine(folder, "test.db")), folder, null);
        }

        var server = PostgresServer;
        var name = "tmssw_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Pooled, as the app runs (a new server session per request made the PostgreSQL tests 4x slower), with a
        // small cap and a short idle life: many tests run at once, each on its own database, under max_connections.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20, ConnectionIdleLifetime = 30 };
        return new TestDatabase(new DatabaseSetting(builder.ToString()), null, name);
    }

    /// <summary>The server's connection string; the tests need it and say how to get it.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run ./test.sh, which installs and starts a throwaway PostgreSQL server for the tests.");

    public TmsswDbContext NewContext() => DatabaseRegistration.CreateContext(Setting);

    public async Task<TmsswDbContext> MigratedContextAsync()
    {
        var db = NewContext();
        await DatabaseRegistration.MigrateAsync(db);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (sqliteFolder is not null)
        {
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (postgresName is not null)
        {
            // This database's pooled connections go first; WITH (FORCE) ends any other session still on it.
            await using (var pooled = new NpgsqlConnection(Setting.ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
