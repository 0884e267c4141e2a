using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;

namespace Tmssw.Cli.Commands.Alumni;

/// <summary>
/// <c>tmssw alumni list [--edition YEAR] [--json]</c>: the alumni directory as staff see it (only what each
/// alumnus shares; a withdrawn field is gone at once). <c>tmssw alumni digest [--dry-run]</c>: queues the
/// weekly digest into the outbox (waiting for approval); the weekly trigger belongs to the jobs host.
/// </summary>
internal static class AlumniCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly UserScope Operator = UserScope.Admin("tmssw alumni");

    public static Command Create(CliConsole console)
    {
        var alumni = new Command("alumni", "The alumni directory and the knowledge exchange's weekly digest.");

        var edition = new Option<int?>("--edition") { Description = "Only the alumni of this edition (who share their edition)." };
        var list = new Command("list", "List the alumni directory: only the fields each alumnus shares.");
        list.Options.Add(edition);
        list.Options.Add(CliOptions.Json);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var directory = await scope.ServiceProvider.GetRequiredService<BrowseAlumniDirectory>().RunAsync(Operator, new AlumniFilter(Edition: parse.GetValue(edition)), ct);
            if (parse.GetValue(CliOptions.Json))
            {
                var json = directory.Entries.Select(e => new
                {
                    id = e.ParticipantId,
                    name = e.Name,
                    country = e.Country,
                    region = e.Region,
                    agency = e.Agency,
                    position = e.Position,
                    themes = e.Themes,
                    edition = e.Edition,
                    cityGroup = e.CityGroup,
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            foreach (var e in directory.Entries)
            {
                var parts = new[] { e.Country, e.Agency, e.Position, e.Themes is null ? null : string.Join(",", e.Themes), e.Edition?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.CityGroup }
                    .Where(x => !string.IsNullOrEmpty(x));
                await console.Out.WriteLineAsync($"#{e.ParticipantId,-5} {e.Name}  {string.Join(" · ", parts)}");
            }

            await console.Out.WriteLineAsync($"{directory.Entries.Count} alumni listed{(directory.Truncated ? " (truncated)" : "")}.");
            return 0;
        });

        var dryRun = new Option<bool>("--dry-run") { Description = "Say who would get a digest and how many threads, without queuing anything." };
        var digest = new Command("digest", "Queue the weekly digest of new threads (in each subscriber's themes, that they may read) into the outbox.");
        digest.Options.Add(dryRun);
        digest.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var dry = parse.GetValue(dryRun);
            var lines = await scope.ServiceProvider.GetRequiredService<QueueAlumniDigest>().RunAsync(Operator, dry, ct);
            foreach (var l in lines)
            {
                await console.Out.WriteLineAsync($"#{l.ParticipantId,-5} {l.Name}: {l.Threads} new thread(s){(l.HasAddress ? "" : " (no address on file: the message waits for one)")}");
            }

            await console.Out.WriteLineAsync(dry
                ? $"Dry run: {lines.Count} digest(s) would be queued."
                : $"{lines.Count} digest(s) queued in the outbox for approval.");
            return 0;
        });

        alumni.Subcommands.Add(list);
        alumni.Subcommands.Add(digest);
        return alumni;
    }
}
