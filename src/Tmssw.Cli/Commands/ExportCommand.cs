using System.CommandLine;
using Tmssw.Cli.Commands.Itineraries;
using Tmssw.Cli.Commands.Participants;

namespace Tmssw.Cli.Commands;

/// <summary><c>tmssw export</c>: the verb group; each subcommand lives in its feature's folder.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var export = new Command("export", "Export data to files.");
        export.Subcommands.Add(ExportRosterCommand.Create(console));
        export.Subcommands.Add(ExportIcsCommand.Create(console));
        export.Subcommands.Add(ExportBookCommand.Create(console));
        export.Subcommands.Add(ExportBadgesCommand.Create(console));
        return export;
    }
}
