using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;

namespace Tmssw.Cli.Commands.Demo;

internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var plan = new Option<bool>("--plan")
        {
            Description = "Also run the split planner and the meeting scheduler for 2024 and publish them (as the web app's first start does).",
        };
        var command = new Command("demo", "Load every edition's public facts and the full 2024 demo edition. Loading twice adds nothing.");
        command.Options.Add(plan);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var report = await scope.ServiceProvider.GetRequiredService<LoadDemo>().RunAsync(ct);
            var setting = scope.ServiceProvider.GetRequiredService<DatabaseSetting>();
            await console.Out.WriteLineAsync(report.AddedAnything
                ? $"Demo loaded into {setting.Describe()}: {report}."
                : $"The demo was already loaded into {setting.Describe()}; nothing added.");
            if (parse.GetValue(plan))
            {
                await console.Error.WriteLineAsync("Planning the split and each group's week...");
                var planned = await scope.ServiceProvider.GetRequiredService<PlanDemo>().RunAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), ct);
                foreach (var line in planned.Lines)
                {
                    await console.Out.WriteLineAsync(line);
                }
            }

            return 0;
        });
        return command;
    }
}
