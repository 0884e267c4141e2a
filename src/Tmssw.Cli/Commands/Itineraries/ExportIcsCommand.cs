using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;

namespace Tmssw.Cli.Commands.Itineraries;

/// <summary>
/// <c>tmssw export ics --edition YEAR (--participant ID | --group CITY | --host ID | --all) [--out FILE]</c>:
/// an iCalendar (RFC 5545) of a participant's, a city group's, a host organization's or the whole
/// edition's program, on stdout unless <c>--out</c> names a file. Run as an Admin-level system actor.
/// </summary>
internal static class ExportIcsCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var participant = new Option<int?>("--participant") { Description = "A participant's id: their own three weeks." };
        var group = new Option<string?>("--group") { Description = "A city group, by city (e.g. phoenix)." };
        var host = new Option<int?>("--host") { Description = "A host organization's id: the group of its city while it is there." };
        var all = new Option<bool>("--all") { Description = "The whole edition's program." };
        var output = new Option<string?>("--out") { Description = "The file to write (default: standard output)." };
        var ics = new Command("ics", "Write an iCalendar (.ics) of a participant's, a group's, a host's or the whole edition's program.");
        foreach (var o in new Option[] { edition, participant, group, host, all, output })
        {
            ics.Options.Add(o);
        }

        ics.SetAction(async (parse, ct) =>
        {
            var year = parse.GetValue(edition);
            var chosen = new List<FeedOwner>();
            if (parse.GetValue(participant) is { } p)
            {
                chosen.Add(FeedOwner.Participant(year, p));
            }

            if (parse.GetValue(group) is { Length: > 0 } g)
            {
                chosen.Add(FeedOwner.Group(year, g));
            }

            if (parse.GetValue(host) is { } h)
            {
                chosen.Add(FeedOwner.Host(year, h));
            }

            if (parse.GetValue(all))
            {
                chosen.Add(FeedOwner.Edition(year));
            }

            if (chosen.Count != 1)
            {
                throw new CliException("Choose exactly one of --participant ID, --group CITY, --host ID or --all.");
            }

            var owner = chosen[0];
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            CalendarFile file;
            try
            {
                file = await scope.ServiceProvider.GetRequiredService<GetCalendar>().ForOwnerAsync(UserScope.Admin($"cli:{Environment.UserName}"), owner, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException(owner.Kind switch
                {
                    FeedOwnerKind.Participant => $"No participant #{owner.Key} in the {year} edition.",
                    FeedOwnerKind.Group => $"No {year} group in '{owner.Key}'.",
                    FeedOwnerKind.Host => $"No host organization #{owner.Key}, or no {year} edition.",
                    _ => $"No {year} edition.",
                });
            }

            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, file.Content, new System.Text.UTF8Encoding(false), ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {path}: {e.Message}", 2);
                }

                await console.Out.WriteLineAsync($"Wrote {path}.");
            }
            else
            {
                await console.Out.WriteAsync(file.Content);
            }

            return 0;
        });
        return ics;
    }
}
