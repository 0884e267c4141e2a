using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Backup;

namespace Tmssw.Cli.Commands.Backup;

/// <summary><c>tmssw backup --out FILE</c>: a consistent copy of the database while the app runs.</summary>
internal static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (replaced if it exists).", Required = true };
        var command = new Command("backup", "Back the database up to one file while the app keeps running (SQLite online backup, or pg_dump -Fc). The key ring's certificate is not included.");
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            try
            {
                var report = await scope.ServiceProvider.GetRequiredService<BackupDatabase>().RunAsync(parse.GetValue(output)!, ct);
                await console.Out.WriteLineAsync($"Wrote {report.Path} ({report.Bytes:N0} bytes, {(report.Format == BackupFormat.Sqlite ? "SQLite" : "pg_dump custom format")}).");
                await console.Error.WriteLineAsync(report.KeyRingNote);
                return 0;
            }
            catch (BackupException e)
            {
                throw new CliException(e.Message);
            }
        });
        return command;
    }
}
