using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Participants.Export;

namespace Tmssw.Cli.Commands.Participants;

/// <summary>
/// <c>tmssw export roster --edition YEAR [--city ID] [--group ID] --format csv|xlsx --out FILE</c>.
/// The CLI acts as an Admin-level system actor, so the roster includes the sensitive columns
/// (passport, date of birth, personal e-mail and phone); the export is audited as a reveal.
/// </summary>
internal static class ExportRosterCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var city = new Option<string?>("--city") { Description = "Only the participants of the groups in this city (e.g. phoenix)." };
        var group = new Option<int?>("--group") { Description = "Only this group's participants." };
        var format = new Option<string>("--format") { Description = "csv or xlsx.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "The file to write.", Required = true };
        var roster = new Command("roster", "Write an edition's roster (or a city's or group's) as CSV or XLSX. Run as an Admin-level system actor: includes sensitive columns.");
        foreach (var o in new Option[] { edition, city, group, format, output })
        {
            roster.Options.Add(o);
        }

        roster.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var request = new RosterRequest(
                parse.GetValue(edition),
                parse.GetValue(format) == "xlsx" ? RosterFormat.Xlsx : RosterFormat.Csv,
                parse.GetValue(city),
                parse.GetValue(group));
            var path = parse.GetValue(output)!;
            var temp = path + ".partial";
            RosterExport result;
            try
            {
                await using (var stream = File.Create(temp))
                {
                    result = await scope.ServiceProvider.GetRequiredService<ExportRoster>().RunAsync(UserScope.Admin($"cli:{Environment.UserName}"), request, stream, ct);
                }

                if (result.Succeeded)
                {
                    File.Move(temp, path, overwrite: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {path}: {e.Message}", 2);
            }
            finally
            {
                File.Delete(temp);
            }

            if (!result.Succeeded)
            {
                throw new CliException(result.Error!);
            }

            await console.Out.WriteLineAsync($"Wrote {result.Rows} participants ({result.Columns.Count} columns{(result.IncludesSensitive ? ", sensitive included" : "")}) to {path}.");
            return 0;
        });
        return roster;
    }
}
