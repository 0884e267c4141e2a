using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tmssw.Core.Data;

/// <summary>
/// The one database setting: a SQLite file path or a PostgreSQL connection string. It comes from the
/// <c>--db</c> option, else the <c>TMSSW_DB</c> environment variable, else <c>data/tmssw.db</c>.
/// </summary>
public sealed record DatabaseSetting(string Value)
{
    public const string EnvironmentVariable = "TMSSW_DB";
    public const string DefaultPath = "data/tmssw.db";

    public static DatabaseSetting Resolve(string? option = null)
    {
        var value = !string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : DefaultPath;
        return new DatabaseSetting(value.Trim());
    }

    public bool IsPostgres =>
        Value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || Value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || Value.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>What to print: the file path, or the PostgreSQL server without the password.</summary>
    public string Describe()
    {
        if (!IsPostgres)
        {
            return $"SQLite {Path.GetFullPath(Value)}";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    public string ConnectionString
    {
        get
        {
            if (IsPostgres)
            {
                return WithPoolDefaults(Value.Contains("://", StringComparison.Ordinal) ? FromUrl(Value) : Value);
            }

            return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = Value,
                ForeignKeys = true,
            }.ToString();
        }
    }

    /// <summary>
    /// The app's defaults for a pooled PostgreSQL connection, unless the connection string sets them itself:
    /// <c>No Reset On Close</c> (the app keeps no session state between uses: no SET, no session locks, no
    /// temporary tables), and <c>Max Auto Prepare</c> 50 (the hot queries are prepared once per connection, so
    /// the server stops parsing and planning them on every request). Measured in docs/benchmarks.md (load).
    /// </summary>
    private static string WithPoolDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!keys.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }

    private static string FromUrl(string url)
    {
        var uri = new Uri(url);
        var userInfo = uri.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = uri.AbsolutePath.Trim('/'),
            Username = Uri.UnescapeDataString(userInfo[0]),
        };
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder.ToString();
    }
}

public static class DatabaseRegistration
{
    /// <summary>Registers <see cref="TmsswDbContext"/> on the provider the setting names.</summary>
    public static IServiceCollection AddTmsswDatabase(this IServiceCollection services, DatabaseSetting setting)
    {
        services.AddSingleton(setting);
        if (setting.IsPostgres)
        {
            services.AddDbContextPool<TmsswDbContext, PostgresTmsswDbContext>(o => Configure(o, setting));
        }
        else
        {
            services.AddDbContextPool<TmsswDbContext, SqliteTmsswDbContext>(o => Configure(o, setting));
        }

        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSetting setting)
    {
        if (setting.IsPostgres)
        {
            options.UseNpgsql(setting.ConnectionString);
        }
        else
        {
            options.UseSqlite(setting.ConnectionString);
        }
    }

    /// <summary>A context outside dependency injection: the CLI and tests.</summary>
    public static TmsswDbContext CreateContext(DatabaseSetting setting)
    {
        if (setting.IsPostgres)
        {
            var pg = new DbContextOptionsBuilder<PostgresTmsswDbContext>();
            Configure(pg, setting);
            return new PostgresTmsswDbContext(pg.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteTmsswDbContext>();
        Configure(sqlite, setting);
        return new SqliteTmsswDbContext(sqlite.Options);
    }

    /// <summary>Creates the SQLite file's folder when needed and applies every pending migration.</summary>
    public static async Task MigrateAsync(TmsswDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context for its migrations.</summary>
public sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteTmsswDbContext>
{
    public SqliteTmsswDbContext CreateDbContext(string[] args) =>
        (SqliteTmsswDbContext)DatabaseRegistration.CreateContext(new DatabaseSetting("design-time.db"));
}

public sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresTmsswDbContext>
{
    public PostgresTmsswDbContext CreateDbContext(string[] args) =>
        (PostgresTmsswDbContext)DatabaseRegistration.CreateContext(new DatabaseSetting("Host=localhost;Database=tmssw"));
}
