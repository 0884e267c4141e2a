using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Evaluation;

namespace Tmssw.Cli.Commands.Evaluation;

/// <summary>
/// <c>tmssw survey links --edition YEAR [--survey ID] [--json]</c>: each respondent's personal survey link
/// as an absolute URL under the configured public address (TMSSW_PUBLIC_URL, default http://localhost:5000),
/// one per invitation, for staff to send. In JSON each line has <c>invitationId</c>, <c>surveyId</c>,
/// <c>kind</c>, <c>respondent</c>, <c>participantId</c>, <c>hostOrganizationId</c>, <c>language</c>,
/// <c>url</c>, <c>inviteOn</c>, <c>remindOn</c>, <c>invitedAt</c>, <c>remindedAt</c> and <c>status</c>.
/// </summary>
internal static class SurveyCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var command = new Command("survey", "Evaluation surveys.");
        command.Subcommands.Add(Links(console));
        return command;
    }

    private static Command Links(CliConsole console)
    {
        var edition = new Option<int?>("--edition") { Description = "The edition's year, e.g. 2024." };
        var survey = new Option<int?>("--survey") { Description = "Only this survey's invitations (its id)." };
        var command = new Command("links", "List each respondent's personal survey link (absolute URLs under TMSSW_PUBLIC_URL), one per invitation.");
        foreach (var o in new Option[] { edition, survey, CliOptions.Json })
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
            IReadOnlyList<SurveyLinkLine> links;
            try
            {
                links = await scope.ServiceProvider.GetRequiredService<ListSurveyLinks>().RunAsync(UserScope.Admin("tmssw survey links"), year, parse.GetValue(survey), ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException(parse.GetValue(survey) is { } id
                    ? $"survey #{id} is not one of the {year} edition's surveys (or there is no {year} edition)."
                    : $"there is no {year} edition.");
            }

            if (parse.GetValue(CliOptions.Json))
            {
                var json = links.Select(l => new
                {
                    invitationId = l.InvitationId,
                    surveyId = l.SurveyId,
                    kind = l.Kind.ToString(),
                    respondent = l.Respondent,
                    participantId = l.ParticipantId,
                    hostOrganizationId = l.HostOrganizationId,
                    language = l.Language,
                    url = l.Url,
                    inviteOn = Day(l.InviteOn),
                    remindOn = Day(l.RemindOn),
                    invitedAt = l.InvitedAt,
                    remindedAt = l.RemindedAt,
                    status = l.Status.ToString(),
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            if (links.Count == 0)
            {
                await console.Out.WriteLineAsync("No invitations. Schedule them on the edition's Surveys page (or run `tmssw demo`).");
            }

            foreach (var l in links)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{l.SurveyId,4}  {l.Kind,-14}  {l.Status,-9}  {l.Language}  {l.Respondent}  {l.Url}"));
            }

            return 0;
        });
        return command;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
