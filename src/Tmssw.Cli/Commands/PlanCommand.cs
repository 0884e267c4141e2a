using System.CommandLine;
using Tmssw.Cli.Commands.Scheduling;
using Tmssw.Cli.Commands.Splits;

namespace Tmssw.Cli.Commands;

internal static class PlanCommand
{
    public static Command Create(CliConsole console)
    {
        var plan = new Command("plan", "Run a planner: the split of the cohort into city groups, a group's meeting schedule, or its home-hospitality evening.");
        plan.Subcommands.Add(PlanSplitCommand.Create(console));
        plan.Subcommands.Add(PlanScheduleCommand.Create(console));
        plan.Subcommands.Add(Partners.PlanHospitalityCommand.Create(console));
        return plan;
    }
}
