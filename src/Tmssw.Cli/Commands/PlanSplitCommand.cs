using System.CommandLine;

namespace Tmssw.Cli.Commands;

internal static class PlanSplitCommand
{
    public static Command Create(CliConsole console)
    {
        _ = console;
        return new Command("split", "Split an edition's confirmed participants into city groups.");
    }
}
