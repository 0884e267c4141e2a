using System.CommandLine;

namespace Tmssw.Cli.Commands;

/// <summary><c>tmssw evaluation …</c>: the evaluation's commands (only adds its subcommands).</summary>
internal static class EvaluationCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("evaluation", "An edition's evaluation: the report.");
        command.Subcommands.Add(Evaluation.ReportEvaluationCommand.Create(console));
        return command;
    }
}
