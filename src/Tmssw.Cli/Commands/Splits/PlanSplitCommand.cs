using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Splits;
using Tmssw.Planning;
using Tmssw.Planning.Splits;

namespace Tmssw.Cli.Commands.Splits;

/// <summary>
/// <c>tmssw plan split --edition YEAR</c> solves an edition's split and saves it as a new version;
/// <c>tmssw plan split --input FILE --json</c> solves a split-instance file (docs/formats/split-instance.md)
/// and prints exactly the output format. Progress goes to stderr. Exit 0: a plan; 1: infeasible, no plan in
/// time, an invalid instance or an unknown edition; 2: the file or the database cannot be read.
/// </summary>
internal static class PlanSplitCommand
{
    private static readonly Option<int?> Edition = new("--edition") { Description = "The edition's year: solve its confirmed participants and save a new version." };
    private static readonly Option<string?> Input = new("--input") { Description = "A split-instance JSON file to solve (no database)." };
    private static readonly Option<double?> TimeLimit = new("--time-limit") { Description = "Seconds the solver may take (default 10)." };

    public static Command Create(CliConsole console)
    {
        var command = new Command("split", "Split an edition's confirmed participants into city groups, or solve a split-instance file.");
        command.Options.Add(Edition);
        command.Options.Add(Input);
        command.Options.Add(TimeLimit);
        command.Options.Add(CliOptions.Json);
        command.SetAction(async (parse, ct) =>
        {
            var edition = parse.GetValue(Edition);
            var input = parse.GetValue(Input);
            if ((edition is null) == (input is null))
            {
                throw new CliException("name either --edition YEAR or --input FILE.");
            }

            var seconds = parse.GetValue(TimeLimit) ?? 10;
            if (seconds is <= 0 or > 3600)
            {
                throw new CliException("--time-limit is a number of seconds from 0 to 3600.");
            }

            var limit = TimeSpan.FromSeconds(seconds);
            var json = parse.GetValue(CliOptions.Json);
            return input is not null
                ? await SolveFileAsync(console, input, limit, json, ct)
                : await SolveEditionAsync(console, parse, edition!.Value, limit, json, ct);
        });
        return command;
    }

    private static async Task<int> SolveFileAsync(CliConsole console, string path, TimeSpan limit, bool json, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, ct);
            using var _ = JsonDocument.Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read {path}: {e.Message}", 2);
        }

        var read = SplitJson.ReadInstance(text);
        if (!read.Ok)
        {
            foreach (var error in read.Errors)
            {
                await console.Error.WriteLineAsync($"{path}: {error}");
            }

            return 1;
        }

        var result = SplitPlanner.Solve(read.Instance!, new SplitOptions { TimeLimit = limit, Progress = new ErrorProgress(console.Error), CancellationToken = ct });
        if (json)
        {
            await console.Out.WriteLineAsync(SplitJson.WriteResult(result));
        }
        else
        {
            await WriteTableAsync(console, read.Instance!, result.Assignment, name => name);
            await console.Out.WriteLineAsync($"{result.Status}: score {result.Score}, bound {result.Bound}, {result.Seconds:0.00} s");
        }

        return await ExitAsync(console, result);
    }

    private static async Task<int> SolveEditionAsync(CliConsole console, ParseResult parse, int year, TimeSpan limit, bool json, CancellationToken ct)
    {
        await using var scope = await CommandServices.OpenAsync(parse, ct);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TmsswDbContext>();
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            ?? throw new CliException($"there is no {year} edition.");
        var outcome = await services.GetRequiredService<RunSplit>().RunAsync(
            UserScope.Admin($"tmssw plan split ({Environment.UserName})"),
            editionId,
            new RunSplitOptions { TimeLimit = limit, Progress = new ErrorProgress(console.Error) },
            ct);
        var result = outcome.Result;
        if (json)
        {
            await console.Out.WriteLineAsync(SplitJson.WriteResult(result));
        }
        else if (outcome.Plan is { } plan)
        {
            var names = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            await WriteTableAsync(console, outcome.Build.Instance, result.Assignment, id => names.GetValueOrDefault(id) ?? id);
            await console.Out.WriteLineAsync(
                $"Saved version {plan.Version} ({plan.SolverStatus}): score {plan.Score}, bound {plan.Bound}, {result.Seconds:0.00} s. Publish it from /manage/{year}/split.");
        }

        if (outcome.Plan is { } saved && json)
        {
            await console.Error.WriteLineAsync($"Saved version {saved.Version} ({saved.SolverStatus}).");
        }

        return await ExitAsync(console, result);
    }

    private static async Task<int> ExitAsync(CliConsole console, SplitResult result)
    {
        if (result.Status is PlanningStatus.Optimal or PlanningStatus.Feasible)
        {
            return 0;
        }

        await console.Error.WriteLineAsync(result.Status == PlanningStatus.Infeasible
            ? "No plan meets the rules: " + string.Join(" ", result.Conflicts)
            : "No plan found in the time given: raise --time-limit.");
        return 1;
    }

    private static async Task WriteTableAsync(CliConsole console, SplitInstance instance, IReadOnlyDictionary<string, string> assignment, Func<string, string> cityName)
    {
        if (assignment.Count == 0)
        {
            return;
        }

        var scores = SplitPlans.GroupScores(instance, assignment);
        var byId = instance.Participants.ToDictionary(p => p.Id);
        await console.Out.WriteLineAsync($"{"City",-18} {"Size",5} {"Range",6} {"Score",7}  Countries");
        foreach (var city in instance.Cities)
        {
            var members = assignment.Where(a => a.Value == city.Id).Select(a => byId[a.Key]).ToList();
            var countries = string.Join(" ", members.GroupBy(p => p.Country).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Count() > 1 ? $"{g.Key}x{g.Count()}" : g.Key));
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{cityName(city.Id),-18} {members.Count,5} {city.MinSize + "-" + city.MaxSize,6} {scores[city.Id],7}  {countries}"));
        }
    }

    /// <summary>Prints each improving plan to stderr as it comes (synchronously, so in order).</summary>
    private sealed class ErrorProgress(TextWriter error) : IProgress<SplitProgress>
    {
        private readonly Lock gate = new();

        public void Report(SplitProgress value)
        {
            lock (gate)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{value.Elapsed.TotalSeconds,6:0.0}s  {value.Source,-12} score {value.Score}  bound {value.Bound}"));
            }
        }
    }
}
