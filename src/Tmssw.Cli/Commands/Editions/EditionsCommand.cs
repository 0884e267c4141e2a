using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Editions;

namespace Tmssw.Cli.Commands.Editions;

internal static class EditionsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var command = new Command("editions", "List the editions: participants and countries counted from the records, next to the published figures.");
        command.Options.Add(CliOptions.Json);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var editions = await scope.ServiceProvider.GetRequiredService<ListEditionSummaries>().RunAsync(ct);
            if (parse.GetValue(CliOptions.Json))
            {
                var json = editions.Select(e => new
                {
                    year = e.Year,
                    ordinal = e.Ordinal,
                    title = e.Title,
                    participants = e.Participants,
                    countries = e.Countries,
                    published = e.Published.Select(f => new
                    {
                        metric = f.Metric.ToLowerInvariant(),
                        value = f.Value,
                        qualifier = f.Qualifier.ToLowerInvariant(),
                        text = f.Text,
                        source = f.Source,
                        reportedAfter = f.ReportedAfter,
                    }),
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            foreach (var e in editions)
            {
                var published = e.Published.Count == 0 ? "no published figures" : string.Join("; ", e.Published.Select(f => $"{f.Text} ({f.Source})"));
                await console.Out.WriteLineAsync($"{e.Year}  #{e.Ordinal,-2}  recorded: {e.Participants} participants from {e.Countries} countries  published: {published}");
            }

            return 0;
        });
        return command;
    }
}
