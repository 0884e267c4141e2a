using System.CommandLine;

namespace Tmssw.Cli.Commands;

internal static class PlanScheduleCommand
{
    public static Command Create(CliConsole console)
    {
        _ = console;
        return new Command("schedule", "Schedule a city group's meetings.");
    }
}
