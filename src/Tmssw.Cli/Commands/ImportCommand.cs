using System.CommandLine;
using Tmssw.Cli.Commands.Participants;

namespace Tmssw.Cli.Commands;

/// <summary><c>tmssw import</c>: the verb group; each subcommand lives in its feature's folder.</summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var import = new Command("import", "Import data from files.");
        import.Subcommands.Add(ImportNominationsCommand.Create(console));
        return import;
    }
}
