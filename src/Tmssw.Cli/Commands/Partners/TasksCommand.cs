using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Partners;

namespace Tmssw.Cli.Commands.Partners;

/// <summary>
/// <c>tmssw tasks --edition YEAR [--city ID] [--json]</c>: the local partners' countdown, overdue first.
/// In JSON each task has <c>title</c>, <c>anchor</c> (arrival or departure), <c>anchorDate</c>,
/// <c>offsetDays</c>, <c>due</c> (dates in the city) and <c>status</c> (overdue, due-this-week, upcoming, done).
/// </summary>
internal static class TasksCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var edition = new Option<int?>("--edition") { Description = "The edition's year, e.g. 2024." };
        var city = new Option<string?>("--city") { Description = "Only this city's group, e.g. phoenix." };
        var command = new Command("tasks", "List the local partners' countdown tasks of an edition (overdue first; dates in each city).");
        foreach (var o in new Option[] { edition, city, CliOptions.Json })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(edition) is not { } year)
            {
                throw new CliException("name the edition with --edition YEAR.");
            }

            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var (list, error) = await scope.ServiceProvider.GetRequiredService<ListTasks>().RunAsync(UserScope.Admin("tmssw tasks"), year, parse.GetValue(city), ct: ct);
            if (list is null)
            {
                throw new CliException(error!);
            }

            if (parse.GetValue(CliOptions.Json))
            {
                var json = list.Tasks.Select(t => new
                {
                    id = t.Id,
                    city = t.CityId,
                    group = t.GroupName,
                    title = t.Title,
                    anchor = t.Anchor == TaskAnchor.Arrival ? "arrival" : "departure",
                    anchorDate = Day(t.AnchorDate),
                    offsetDays = t.OffsetDays,
                    due = Day(t.Due),
                    status = StatusWord(t.Status),
                    owner = t.Owner == TaskOwner.Partner ? "partner" : "staff",
                    doneAt = t.DoneAt,
                    doneBy = t.DoneBy,
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            if (list.Tasks.Count == 0)
            {
                await console.Out.WriteLineAsync("No tasks. Prepare the countdown on the edition's Tasks page (or run `tmssw demo`).");
            }

            foreach (var t in list.Tasks)
            {
                var anchor = t.Anchor == TaskAnchor.Arrival ? "arrival" : "departure";
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Day(t.Due)}  {StatusWord(t.Status),-13}  {t.CityId,-15}  {t.Title}  ({anchor} {Day(t.AnchorDate)} {t.OffsetDays:+0;-0;0} d, {(t.Owner == TaskOwner.Partner ? "partner" : "staff")})"));
            }

            return 0;
        });
        return command;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string StatusWord(Tmssw.Core.Partners.TaskStatus status) => status switch
    {
        Tmssw.Core.Partners.TaskStatus.Overdue => "overdue",
        Tmssw.Core.Partners.TaskStatus.DueThisWeek => "due-this-week",
        Tmssw.Core.Partners.TaskStatus.Upcoming => "upcoming",
        _ => "done",
    };
}
