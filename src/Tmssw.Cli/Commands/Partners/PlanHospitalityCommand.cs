using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Partners;
using Tmssw.Planning;

namespace Tmssw.Cli.Commands.Partners;

/// <summary>
/// <c>tmssw plan hospitality --edition YEAR --city ID [--evening DATE] [--save] [--json]</c>: places the
/// city group's participants and interpreters in host homes for one evening (CP-SAT). In JSON: <c>homes</c>
/// (each <c>id</c>, <c>capacity</c>, <c>guests</c> as participant ids, <c>interpreters</c> as languages) and
/// <c>unplaced</c> (each <c>participantId</c> — null for an interpreter — and <c>reason</c>). With
/// <c>--save</c> the placement is saved as the web page saves it. Exit 0 when everyone is placed, 1 otherwise.
/// </summary>
internal static class PlanHospitalityCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var edition = new Option<int?>("--edition") { Description = "The edition's year, e.g. 2024." };
        var city = new Option<string?>("--city") { Description = "The city id of the group, e.g. phoenix." };
        var evening = new Option<string?>("--evening") { Description = "The evening (YYYY-MM-DD, in the city); default: the group's dinner in the program." };
        var save = new Option<bool>("--save") { Description = "Save the placement: each guest's itinerary and feed get the dinner." };
        var command = new Command("hospitality", "Place a city group in host homes for a home-hospitality evening.");
        foreach (var o in new Option[] { edition, city, evening, save, CliOptions.Json })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(edition) is not { } year || parse.GetValue(city) is not { Length: > 0 } cityId)
            {
                throw new CliException("name the group with --edition YEAR --city ID.");
            }

            DateOnly? day = null;
            if (parse.GetValue(evening) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new CliException($"--evening: '{text}' is not a date (YYYY-MM-DD).");
                }

                day = parsed;
            }

            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var admin = UserScope.Admin("tmssw plan hospitality");
            var (plan, error) = await scope.ServiceProvider.GetRequiredService<PlanHospitality>().RunAsync(admin, year, cityId, day, ct);
            if (plan is null)
            {
                throw new CliException(error!);
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{plan.Status}: {plan.Homes.Sum(h => h.Guests.Count)} participants in {plan.Homes.Count(h => h.Guests.Count > 0)} of {plan.FreeHouseholds} free homes on {plan.Evening:yyyy-MM-dd}, {plan.Unplaced.Count} unplaced, {plan.Seconds:0.0} s"));
            if (parse.GetValue(save))
            {
                var saved = await scope.ServiceProvider.GetRequiredService<SaveHospitality>().RunAsync(admin, year, cityId, plan.Evening, SaveHospitality.ChoiceOf(plan), ct);
                if (!saved.Succeeded)
                {
                    throw new CliException(saved.Error!);
                }

                await console.Error.WriteLineAsync("Saved: the dinner is in each guest's itinerary and feed.");
            }

            if (parse.GetValue(CliOptions.Json))
            {
                var json = new
                {
                    edition = plan.Year,
                    city = plan.City.Id,
                    evening = plan.Evening.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    status = plan.Status.ToString().ToLowerInvariant(),
                    homes = plan.Homes.Select(h => new { id = h.HouseholdId, name = h.Name, capacity = h.Capacity, guests = h.Guests.Select(g => g.ParticipantId), interpreters = h.InterpreterLanguages }),
                    unplaced = plan.Unplaced.Select(u => new { participantId = u.ParticipantId, interpreter = u.InterpreterLanguage, name = u.Name, reason = u.Reason }),
                };
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
            }
            else
            {
                foreach (var h in plan.Homes.Where(h => h.Guests.Count + h.InterpreterLanguages.Count > 0))
                {
                    var interpreters = h.InterpreterLanguages.Count > 0 ? $" + interpreter ({string.Join(", ", h.InterpreterLanguages)})" : "";
                    await console.Out.WriteLineAsync($"#{h.HouseholdId} {h.Name} ({h.Guests.Count + h.InterpreterLanguages.Count}/{h.Capacity}): {string.Join(", ", h.Guests.Select(g => g.Name))}{interpreters}");
                }

                foreach (var u in plan.Unplaced)
                {
                    await console.Out.WriteLineAsync($"not placed: {u.Name}: {u.Reason}");
                }
            }

            return plan.Status is PlanningStatus.Optimal or PlanningStatus.Feasible && plan.Unplaced.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
