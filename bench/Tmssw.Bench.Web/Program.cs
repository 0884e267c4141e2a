// Participant list benchmark: the real app on real Kestrel over loopback, on a fresh SQLite database
// (and a fresh PostgreSQL database when TMSSW_BENCH_PG names a server), with the demo plus N synthetic
// participants in the 2024 edition. Every case is measured in the same run, interleaved round by round,
// next to a floor (a static file) so the ratios hold on a busy machine.
// Run: dotnet run -c Release --project bench/Tmssw.Bench.Web [-- --requests N --participants N --warmup N]
// Investigating: --show-sql logs every SQL command (use with --requests 1 --warmup 0); --keep-db keeps the database.
// PostgreSQL: TMSSW_BENCH_PG='Host=…;Username=…;Database=postgres', or bench/Tmssw.Bench.Web/run.sh.
using System.Globalization;
using Npgsql;
using Tmssw.Bench.Web;
using Tmssw.Core.Data;

var options = Options.Parse(args);
Console.WriteLine($"Participant list benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"Cores (Environment.ProcessorCount): {Environment.ProcessorCount}; .NET {Environment.Version}; {options.Participants:N0} synthetic participants; {options.Warmup} warm-up rounds, {options.Requests} measured requests per case");

var pgServer = Environment.GetEnvironmentVariable("TMSSW_BENCH_PG");
if (string.IsNullOrWhiteSpace(pgServer))
{
    Console.WriteLine("TMSSW_BENCH_PG is not set: SQLite only. For PostgreSQL too, set it to a server connection string, e.g.");
    Console.WriteLine("  TMSSW_BENCH_PG='Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres' dotnet run -c Release --project bench/Tmssw.Bench.Web");
    Console.WriteLine("or run bench/Tmssw.Bench.Web/run.sh, which starts a throwaway cluster.");
}

var failures = 0;
{
    var folder = Directory.CreateTempSubdirectory("tmssw-webbench-").FullName;
    try
    {
        failures += await WebBench.RunAsync("sqlite", new DatabaseSetting(Path.Combine(folder, "bench.db")), options);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (options.KeepDatabase)
        {
            Console.WriteLine($"Kept the SQLite database {Path.Combine(folder, "bench.db")}");
        }
        else
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

if (!string.IsNullOrWhiteSpace(pgServer))
{
    var name = "tmssw_webbench_" + Guid.NewGuid().ToString("N")[..12];
    await using (var connection = new NpgsqlConnection(pgServer))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
    }

    try
    {
        var builder = new NpgsqlConnectionStringBuilder(pgServer) { Database = name };
        failures += await WebBench.RunAsync("postgres", new DatabaseSetting(builder.ToString()), options);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        if (options.KeepDatabase)
        {
            Console.WriteLine($"Kept the PostgreSQL database {name}");
        }

        await using var connection = new NpgsqlConnection(pgServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand(options.KeepDatabase ? "SELECT 1" : $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

Console.WriteLine(failures == 0 ? "All row and total checks passed." : $"{failures} check(s) FAILED.");
return failures == 0 ? 0 : 1;

internal sealed record Options(int Requests, int Participants, int Warmup, bool ShowSql, bool KeepDatabase)
{
    public static Options Parse(string[] args)
    {
        int requests = 200, participants = 10_000, warmup = 20;
        bool showSql = false, keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--requests": requests = Next(); break;
                case "--participants": participants = Next(); break;
                case "--warmup": warmup = Next(); break;
                case "--show-sql": showSql = true; break;
                case "--keep-db": keep = true; break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --requests N, --participants N, --warmup N, --show-sql, --keep-db.");
            }
        }

        return new Options(Math.Max(1, requests), Math.Max(0, participants), Math.Max(0, warmup), showSql, keep);
    }
}
