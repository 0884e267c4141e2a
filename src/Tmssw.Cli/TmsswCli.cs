using System.CommandLine;
using Tmssw.Cli.Commands;
using Tmssw.Cli.Commands.Accounts;
using Tmssw.Cli.Commands.Data;
using Tmssw.Cli.Commands.Demo;
using Tmssw.Cli.Commands.Editions;

namespace Tmssw.Cli;

/// <summary>The <c>tmssw</c> command. Errors go to stderr with a non-zero exit code.</summary>
public static class TmsswCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("TMSSW: runs the Towards a More Safe and Secure World exchange, from nominations to the closing conference.");
        root.Options.Add(CliOptions.Db);
        var console = new CliConsole(output, error);
        foreach (var command in new[]
        {
            ServeCommand.Create(console),
            DemoCommand.Create(console),
            MigrateCommand.Create(console),
            UserCommand.Create(console),
            EditionsCommand.Create(console),
            PlanCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            Commands.Conference.CheckInCommand.Create(console),
            Commands.Partners.TasksCommand.Create(console),
            Commands.Mail.OutboxCommand.Create(console),
            Commands.Backup.BackupCommand.Create(console),
            Commands.Backup.RestoreCommand.Create(console),
            Commands.Retention.RetentionCommand.Create(console),
            Commands.Evaluation.SurveyCommand.Create(console),
            EvaluationCommand.Create(console),
            Commands.Posts.PostsCommand.Create(console),
            Commands.Alumni.AlumniCommand.Create(console),
        })
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception e)
        {
            // Unexpected: say what failed in one line; the stack trace helps no user of a command line.
            await error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}

/// <summary>Where a command writes: standard output for results, standard error for progress and errors.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);

/// <summary>A problem the user can fix; printed without a stack trace.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

public static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "A SQLite file path or a PostgreSQL connection string (Host=…). Default: $TMSSW_DB, else data/tmssw.db.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON instead of text.",
    };
}
