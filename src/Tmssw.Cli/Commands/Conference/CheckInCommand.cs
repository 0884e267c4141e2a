using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;

namespace Tmssw.Cli.Commands.Conference;

/// <summary>
/// <c>tmssw checkin TOKEN --edition YEAR [--session ID] [--json]</c>: verifies a badge's token and,
/// with a session, checks the person in (once: a second time answers "already checked in at HH:MM").
/// Exit codes: 0 checked in, already checked in, or verified; 1 the token does not verify, the guest
/// is not admitted, or no such session or edition; 2 the database cannot be opened.
/// </summary>
internal static class CheckInCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var token = new Argument<string>("TOKEN") { Description = "The badge's token: the text of its QR code." };
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var session = new Option<int?>("--session") { Description = "The conference session's id; without it the badge is only verified." };
        var command = new Command("checkin", "Verify a badge's token and check the person in at a conference session.");
        command.Arguments.Add(token);
        command.Options.Add(edition);
        command.Options.Add(session);
        command.Options.Add(CliOptions.Json);
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var year = parse.GetValue(edition);
            var caller = UserScope.Admin($"cli:{Environment.UserName}");
            CheckInOutcome outcome;
            try
            {
                outcome = await scope.ServiceProvider.GetRequiredService<RecordCheckIn>()
                    .RunAsync(caller, year, parse.GetValue(token), parse.GetValue(session), null, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException($"no edition {year}");
            }

            if (parse.GetValue(CliOptions.Json))
            {
                var p = outcome.Person;
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    result = outcome.Result.ToString(),
                    duplicate = outcome.Duplicate,
                    person = p is null ? null : new { kind = p.Kind, id = p.Id, name = p.Name, country = p.Country, organization = p.Organization, role = p.Role },
                    sessionId = outcome.SessionId == 0 ? (int?)null : outcome.SessionId,
                    checkedInAt = outcome.CheckedInAt,
                    localTime = outcome.LocalTime,
                    note = outcome.Note,
                    problem = outcome.Problem,
                }, Json));
            }

            if (!outcome.Accepted)
            {
                if (!parse.GetValue(CliOptions.Json))
                {
                    await console.Error.WriteLineAsync($"error: {outcome.Problem}");
                }

                return 1;
            }

            if (!parse.GetValue(CliOptions.Json))
            {
                var person = outcome.Person!;
                var who = $"{person.Name} ({person.Country ?? person.Organization}; {person.Role})";
                var line = outcome.SessionId == 0 ? $"Verified: {who}. {outcome.Note}"
                    : outcome.Duplicate ? $"{who}: already checked in at {outcome.LocalTime}; not counted again."
                    : $"Checked in: {who} at {outcome.LocalTime}.";
                await console.Out.WriteLineAsync(line);
                if (outcome.Note is not null && outcome.SessionId != 0)
                {
                    await console.Out.WriteLineAsync(outcome.Note);
                }
            }

            return 0;
        });
        return command;
    }
}
