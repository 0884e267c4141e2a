using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;

namespace Tmssw.Cli.Commands.Data;

internal static class MigrateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("migrate", "Create the database or bring it up to date.");
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var setting = scope.ServiceProvider.GetRequiredService<DatabaseSetting>();
            await console.Out.WriteLineAsync($"{setting.Describe()} is up to date.");
            return 0;
        });
        return command;
    }
}
