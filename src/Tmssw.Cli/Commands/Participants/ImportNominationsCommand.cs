using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tabular;

namespace Tmssw.Cli.Commands.Participants;

/// <summary>
/// <c>tmssw import nominations FILE --edition YEAR [--sheet NAME] [--dry-run] [--update-duplicates] [--json]</c>.
/// The CLI acts as an Admin-level system actor ("cli:USER"). Exit 0 when every row is valid, 1 when
/// some are not (or the file lacks a required column), 2 when the file or the database cannot be read.
/// </summary>
internal static class ImportNominationsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A .csv (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx file." };
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var sheet = new Option<string?>("--sheet") { Description = "The XLSX sheet to read (default: the first)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and report only; change nothing." };
        var update = new Option<bool>("--update-duplicates") { Description = "Update participants of the edition that rows match (default: skip them)." };
        var nominations = new Command("nominations", "Import nominees from an embassy's spreadsheet: every row checked, duplicates found, valid rows added in one transaction.");
        nominations.Arguments.Add(file);
        foreach (var o in new Option[] { edition, sheet, dryRun, update, CliOptions.Json })
        {
            nominations.Options.Add(o);
        }

        nominations.SetAction(async (parse, ct) =>
        {
            ImportSource source;
            var path = parse.GetValue(file)!;
            if (File.Exists(path) && new FileInfo(path).Length is var size && size > TabularLimits.Default.MaxFileBytes)
            {
                // Refused before it is read.
                throw new CliException($"cannot read {Path.GetFileName(path)}: {TabularFile.TooLargeMessage(size)}", 2);
            }

            try
            {
                source = await ImportSource.FromFileAsync(parse.GetValue(file)!, parse.GetValue(sheet), ct);
            }
            catch (UnreadableFileException e)
            {
                throw new CliException(e.Message, 2);
            }

            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var services = scope.ServiceProvider;
            var actor = UserScope.Admin($"cli:{Environment.UserName}");
            var options = new ImportOptions(parse.GetValue(edition), parse.GetValue(update));
            var json = parse.GetValue(CliOptions.Json);
            var dry = parse.GetValue(dryRun);
            using var bar = ProgressBar.ForStandardError(console);
            ImportPreview preview;
            try
            {
                preview = dry
                    ? await services.GetRequiredService<PreviewImport>().RunAsync(actor, source, options, bar, ct)
                    : (await services.GetRequiredService<CommitImport>().RunAsync(actor, source, options, bar, ct)).Preview;
            }
            catch (UnreadableFileException e)
            {
                throw new CliException($"cannot read {source.FileName}: {e.Message}", 2);
            }

            bar?.Dispose();
            if (json)
            {
                await console.Out.WriteLineAsync(ImportReport.Serialize(preview, dry));
            }
            else
            {
                foreach (var issue in preview.FileErrors.Concat(preview.Rows.SelectMany(r => r.Errors)))
                {
                    await console.Error.WriteLineAsync($"{source.FileName}:{issue.Line}{(issue.Cell is null ? "" : $" ({issue.Cell})")}: {issue.Column}: {issue.Message}");
                }

                foreach (var warning in preview.Warnings)
                {
                    await console.Error.WriteLineAsync($"{source.FileName}:{warning.Line}: warning: {warning.Message}");
                }

                var verb = dry ? "would be " : "";
                await console.Out.WriteLineAsync(
                    $"{preview.Rows.Count} rows: {preview.Count(ImportAction.Add)} {verb}added, {preview.Count(ImportAction.Update)} {verb}updated, "
                    + $"{preview.Count(ImportAction.Skip)} {verb}skipped, {preview.Count(ImportAction.Invalid)} invalid{(dry ? " (dry run: nothing changed)" : "")}.");
            }

            return preview.AllValid ? 0 : 1;
        });
        return nominations;
    }
}
