using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Retention;

namespace Tmssw.Cli.Commands.Retention;

/// <summary>
/// <c>tmssw retention run [--dry-run] [--json]</c>: purges participants' sensitive fields (passport, date
/// of birth, personal e-mail and phone) of every edition that ended more than <c>Retention__Months</c>
/// (default 12) months ago, one audit entry per edition; <c>--dry-run</c> lists what would go and
/// changes nothing. The web app runs the same purge nightly. Exit 2 when the database cannot be opened.
/// </summary>
internal static class RetentionCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly UserScope Operator = UserScope.Admin("tmssw retention");

    public static Command Create(CliConsole console)
    {
        var retention = new Command("retention", "Purge sensitive fields once the retention period after an edition has passed.");
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be purged; change nothing." };
        var run = new Command("run", "Purge the sensitive fields of editions that ended more than the retention period ago (Retention__Months, default 12).");
        run.Options.Add(dryRun);
        run.Options.Add(CliOptions.Json);
        run.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var report = await scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(Operator, parse.GetValue(dryRun), ct);
            if (parse.GetValue(CliOptions.Json))
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    dryRun = report.DryRun,
                    today = report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    months = report.Months,
                    editions = report.Editions.Select(e => new
                    {
                        year = e.Year,
                        title = e.Title,
                        endedOn = e.EndedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        participants = e.Participants,
                        fields = e.Fields,
                    }),
                }, JsonOptions));
                return 0;
            }

            var verb = report.DryRun ? "would be purged" : "purged";
            if (report.Editions.Count == 0)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Nothing to purge: no edition that ended more than {report.Months} months ago still holds sensitive fields."));
                return 0;
            }

            foreach (var e in report.Editions)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Year} (ended {e.EndedOn:yyyy-MM-dd}): {e.Participants} participant(s) {verb}: {string.Join(", ", e.Fields)}"));
            }

            if (report.DryRun)
            {
                await console.Out.WriteLineAsync("Dry run: nothing was changed.");
            }

            return 0;
        });
        retention.Subcommands.Add(run);
        return retention;
    }
}
