using System.Diagnostics;
using Npgsql;

namespace Tmssw.Core.Backup;

/// <summary>
/// Runs PostgreSQL's own <c>pg_dump</c> / <c>pg_restore</c> (Debian: postgresql-client). Found in
/// <c>TMSSW_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/*/bin</c>, else the PATH. The password goes
/// through the environment (<c>PGPASSWORD</c>), never the command line.
/// </summary>
public static class PostgresTools
{
    public const string BinVariable = "TMSSW_PG_BIN";

    public static string Find(string tool)
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } bin)
        {
            var configured = Path.Combine(bin, tool);
            return File.Exists(configured) ? configured : throw new BackupException($"{BinVariable} names {bin}, which has no {tool}.");
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Dir: d, Version: double.TryParse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool))
                .FirstOrDefault(File.Exists);
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BackupException($"{tool} was not found: install the PostgreSQL client (Debian: apt-get install postgresql-client) or set {BinVariable}.");
    }

    /// <summary>Runs the tool against the database of <paramref name="connectionString"/>; its errors become a <see cref="BackupException"/>.</summary>
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host ?? "localhost";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database ?? "";
        start.Environment["PGUSER"] = connection.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"Cannot start {tool}.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var message = (await errors).Trim();
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(message.Length > 0 ? message : "no message")}");
        }
    }
}

/// <summary>A backup or restore that cannot be done, with the reason a person can act on.</summary>
public sealed class BackupException(string message) : Exception(message);
