using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Cli.Commands.Itineraries;
using Tmssw.Core.Accounts;
using Tmssw.Core.Evaluation;

namespace Tmssw.Cli.Commands.Evaluation;

/// <summary>
/// <c>tmssw evaluation report --edition YEAR --format json|xlsx|pdf [--out FILE]</c>: the edition's
/// evaluation report. JSON (the contract in docs/formats/evaluation-report.md) goes to stdout without
/// <c>--out</c>; XLSX and PDF need it. Exit codes: 0 written; 1 no such edition or a bad option; 2 the
/// database or the file cannot be opened.
/// </summary>
internal static class ReportEvaluationCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var format = new Option<string>("--format") { Description = "json, xlsx or pdf.", Required = true };
        format.AcceptOnlyFromAmong("json", "xlsx", "pdf");
        var output = new Option<string?>("--out") { Description = "The file to write (required for xlsx and pdf; json goes to stdout without it)." };
        var command = new Command("report", "Write an edition's evaluation report as JSON, XLSX or PDF.");
        command.Options.Add(edition);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Validators.Add(r =>
        {
            // The raw token, not GetValue: an unknown format has its own error and GetValue would throw on it.
            var chosen = r.GetResult(format)?.Tokens is [var f0, ..] ? f0.Value : null;
            var file = r.GetResult(output)?.Tokens is [var o0, ..] ? o0.Value : null;
            if (chosen is "xlsx" or "pdf" && string.IsNullOrWhiteSpace(file))
            {
                r.AddError($"--format {chosen} needs --out FILE");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var year = parse.GetValue(edition);
            var f = Enum.Parse<EvaluationReportFormat>(parse.GetValue(format)!, ignoreCase: true);
            byte[] content;
            try
            {
                content = await scope.ServiceProvider.GetRequiredService<ExportEvaluationReport>()
                    .RunAsync(UserScope.Admin($"cli:{Environment.UserName}"), year, f, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException($"no edition {year}");
            }

            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(content));
                return 0;
            }

            await FileOutput.WriteAsync(path, content, ct);
            await console.Out.WriteLineAsync($"Wrote the {year} evaluation report ({f.ToString().ToLowerInvariant()}, {content.Length} bytes) to {path}.");
            return 0;
        });
        return command;
    }
}
