using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Backup;

namespace Tmssw.Cli.Commands.Backup;

/// <summary><c>tmssw restore FILE</c>: replaces the database's contents with a backup (stop the app first).</summary>
internal static class RestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A file written by tmssw backup, for the same kind of database." };
        var command = new Command("restore", "Replace the database's contents with a backup made by tmssw backup. Stop the app instances first; the key ring needs the certificate that encrypted it.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            try
            {
                var report = await scope.ServiceProvider.GetRequiredService<RestoreDatabase>().RunAsync(parse.GetValue(file)!, ct);
                await console.Out.WriteLineAsync($"Restored {report.Database} from {Path.GetFullPath(parse.GetValue(file)!)}.");
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
