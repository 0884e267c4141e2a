using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;

namespace Tmssw.Cli.Commands.Itineraries;

/// <summary>
/// <c>tmssw export badges --edition YEAR [--group CITY] --out FILE</c>: a PDF sheet of name badges,
/// each with a QR code of a signed token the conference check-in verifies.
/// </summary>
internal static class ExportBadgesCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var group = new Option<string?>("--group") { Description = "Only this city group's badges (e.g. phoenix)." };
        var output = new Option<string>("--out") { Description = "The PDF file to write.", Required = true };
        var badges = new Command("badges", "Write a PDF sheet of name badges with signed QR codes for an edition or a group.");
        foreach (var o in new Option[] { edition, group, output })
        {
            badges.Options.Add(o);
        }

        badges.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var year = parse.GetValue(edition);
            var city = parse.GetValue(group);
            var print = scope.ServiceProvider.GetRequiredService<PrintBadges>();
            var caller = UserScope.Admin($"cli:{Environment.UserName}");
            IReadOnlyList<Badge> list;
            try
            {
                list = await print.BadgesAsync(caller, year, city, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException(city is null ? $"no edition {year}" : $"no group in {city} in edition {year}");
            }

            var path = parse.GetValue(output)!;
            await FileOutput.WriteAsync(path, BadgeSheetPdf.Render(list, city is null ? $"Badges {year}" : $"Badges {year} · {city}"), ct);
            await console.Out.WriteLineAsync($"Wrote {list.Count} badges to {path}.");
            return 0;
        });
        return badges;
    }
}
