using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Scheduling;
using Tmssw.Planning;
using Tmssw.Planning.Scheduling;

namespace Tmssw.Cli.Commands.Scheduling;

/// <summary>
/// <c>tmssw plan schedule --edition YEAR --city ID [--time-limit S] [--json]</c>: solves the city
/// group's week on the database and saves it as the web page does (prints a day-by-day table, or
/// the output JSON). <c>tmssw plan schedule --input FILE [--time-limit S] --json</c>: solves a
/// schedule-instance file (docs/formats/schedule-instance.md) and prints the output format.
/// Progress goes to stderr. Exit 0 when a schedule was found, 1 when infeasible, none was found in
/// time, or the input is invalid, 2 when the file or database cannot be opened.
/// </summary>
internal static class PlanScheduleCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int?>("--edition") { Description = "The edition's year, e.g. 2024." };
        var city = new Option<string?>("--city") { Description = "The city id of the group, e.g. phoenix." };
        var input = new Option<FileInfo?>("--input") { Description = "A schedule-instance JSON file to solve instead of the database." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the solver may search (default 10).", DefaultValueFactory = _ => 10 };
        var command = new Command("schedule", "Schedule a city group's meetings: on the database (--edition, --city) or on a file (--input).");
        foreach (var o in new Option[] { edition, city, input, timeLimit, CliOptions.Json })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(timeLimit);
            if (seconds <= 0)
            {
                throw new CliException("--time-limit must be a positive number of seconds.");
            }

            var gate = new object();
            void Progress(ScheduleProgress p)
            {
                lock (gate)
                {
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score {p.Score}  bound {p.Bound}  {p.Seconds:0.0} s"));
                }
            }

            if (parse.GetValue(input) is { } file)
            {
                if (parse.GetValue(edition) is not null || parse.GetValue(city) is not null)
                {
                    throw new CliException("use either --input or --edition with --city, not both.");
                }

                return await FromFileAsync(console, file, TimeSpan.FromSeconds(seconds), parse.GetValue(CliOptions.Json), Progress, ct);
            }

            if (parse.GetValue(edition) is not { } year || parse.GetValue(city) is not { Length: > 0 } cityId)
            {
                throw new CliException("name the group's week with --edition YEAR --city ID, or give a file with --input FILE.");
            }

            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var services = scope.ServiceProvider;
            var outcome = await services.GetRequiredService<RunSchedule>().RunAsync(
                year,
                cityId,
                UserScope.Admin("tmssw plan schedule"),
                new ScheduleRunSettings { TimeLimit = TimeSpan.FromSeconds(seconds), Progress = Progress, SolverCancellation = ct },
                ct);
            if (outcome.Error is not null)
            {
                throw new CliException(outcome.Error);
            }

            await console.Error.WriteLineAsync(outcome.Describe());
            if (parse.GetValue(CliOptions.Json))
            {
                await console.Out.WriteLineAsync(ScheduleJson.WriteResult(outcome.Result!));
                return outcome.Succeeded ? 0 : 1;
            }

            if (!outcome.Succeeded)
            {
                return 1;
            }

            var (week, error) = await services.GetRequiredService<GetGroupWeek>().RunAsync(UserScope.Admin("tmssw plan schedule"), year, cityId, ct);
            if (week is null)
            {
                throw new CliException(error!);
            }

            await WriteTableAsync(console.Out, week);
            return 0;
        });
        return command;
    }

    private static async Task<int> FromFileAsync(CliConsole console, FileInfo file, TimeSpan limit, bool json, Action<ScheduleProgress> progress, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file.FullName}: {e.Message}", 2);
        }

        var (instance, errors) = ScheduleJson.ReadInstance(text);
        if (instance is null)
        {
            foreach (var e in errors)
            {
                await console.Error.WriteLineAsync($"{file.Name}: {e.Path}: {e.Message}");
            }

            return 1;
        }

        var result = MeetingScheduler.Solve(instance, new ScheduleOptions { TimeLimit = limit, Progress = progress, CancellationToken = ct });
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Status}: score {result.Score}, bound {result.Bound}, {result.Meetings.Count} meetings, {result.Seconds:0.0} s"));
        if (json)
        {
            await console.Out.WriteLineAsync(ScheduleJson.WriteResult(result));
        }
        else
        {
            foreach (var m in result.Meetings)
            {
                await console.Out.WriteLineAsync($"{ScheduleJson.FormatTime(m.Start)}  {ScheduleJson.FormatTime(m.End)[11..]}  {m.Offer}");
            }

            foreach (var u in result.Unscheduled)
            {
                await console.Out.WriteLineAsync($"not scheduled: {u.Offer}: {u.Reason}");
            }
        }

        return result.Status is PlanningStatus.Optimal or PlanningStatus.Feasible ? 0 : 1;
    }

    private static async Task WriteTableAsync(TextWriter output, GroupWeek week)
    {
        await output.WriteLineAsync($"{week.GroupName}, {week.City.DisplayName} ({week.TimeZone}), score {week.Score}");
        foreach (var day in week.Days)
        {
            var offset = day.UtcOffset < TimeSpan.Zero ? $"-{day.UtcOffset:hh\\:mm}" : $"+{day.UtcOffset:hh\\:mm}";
            await output.WriteLineAsync();
            await output.WriteLineAsync(FormattableString.Invariant($"{day.Date:ddd yyyy-MM-dd} (UTC{offset})"));
            var rows = new List<(DateTime Start, string Line)>();
            foreach (var m in day.Meetings)
            {
                var travel = m.TravelMinutesFromPrevious is { } t ? FormattableString.Invariant($"  ({t} min travel)") : "";
                rows.Add((m.Start, FormattableString.Invariant($"  {m.Start:HH:mm}–{m.End:HH:mm}  {m.Topic} — {m.HostName}, {m.VenueName}  [{m.Status}{(m.Locked ? ", locked" : "")}]{travel}")));
            }

            rows.AddRange(day.Fixed.Select(f => (f.Start, FormattableString.Invariant($"  {f.Start:HH:mm}–{f.End:HH:mm}  {f.Label}"))));
            rows.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var (_, line) in rows)
            {
                await output.WriteLineAsync(line);
            }
        }

        foreach (var v in week.Violations)
        {
            await output.WriteLineAsync($"conflict: {v.Message}");
        }

        foreach (var o in week.Open)
        {
            await output.WriteLineAsync($"not scheduled: {o.Topic} — {o.HostName}");
        }
    }
}
