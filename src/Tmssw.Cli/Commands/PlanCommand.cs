using System.CommandLine;
using Tmssw.Cli.Commands.Scheduling;
using Tmssw.Cli.Commands.Splits;

namespace Tmssw.Cli.Commands;

internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var plan = new Command("plan", "Run a planner: the split of the cohort into city groups, or a group's meeting schedule.");
        plan.Subcommands.Add(PlanSplitCommand.Create(console));
        plan.Subcommands.Add(PlanScheduleCommand.Create(console));
        return plan;
    }
}
