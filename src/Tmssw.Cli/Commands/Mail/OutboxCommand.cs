using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Mail;

namespace Tmssw.Cli.Commands.Mail;

/// <summary>
/// <c>tmssw outbox list [--json]</c>, <c>tmssw outbox approve ID</c>, <c>tmssw outbox send</c>: the e-mail
/// outbox from the command line. Only approved messages are sent (through <c>TMSSW_SMTP</c>, from
/// <c>TMSSW_MAIL_FROM</c>); a failed one is kept with its reason and retried later. Exit 1 when a
/// message cannot be approved or a send failed, 2 when the database cannot be opened.
/// </summary>
internal static class OutboxCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly UserScope Operator = UserScope.Admin("tmssw outbox");

    public static Command Create(CliConsole console)
    {
        var outbox = new Command("outbox", "Review and send the e-mail outbox: nothing leaves without approval.");

        var list = new Command("list", "List the messages: waiting first, then failed, approved, sent and discarded.");
        list.Options.Add(CliOptions.Json);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var items = await scope.ServiceProvider.GetRequiredService<ListOutbox>().RunAsync(Operator, ct: ct);
            if (parse.GetValue(CliOptions.Json))
            {
                var json = items.Select(m => new
                {
                    id = m.Id,
                    status = m.Status.ToString().ToLowerInvariant(),
                    template = JsonNamingPolicy.CamelCase.ConvertName(m.Template.ToString()),
                    language = m.Language,
                    toName = m.ToName,
                    to = m.ToAddress,
                    subject = m.Subject,
                    body = m.Body,
                    origin = m.Origin,
                    createdAt = m.CreatedAt,
                    approvedBy = m.ApprovedBy,
                    attempts = m.Attempts,
                    nextAttemptAt = m.NextAttemptAt,
                    lastError = m.LastError,
                    sentAt = m.SentAt,
                    messageId = m.MessageId,
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            foreach (var m in items)
            {
                var extra = m.LastError is { } e ? $"  [{e}; next try {m.NextAttemptAt:u}]" : "";
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{m.Id,-5} {m.Status.ToString().ToLowerInvariant(),-9} {m.Language}  {m.ToName} <{m.ToAddress ?? "no address"}>  {m.Subject}{extra}"));
            }

            return 0;
        });

        var id = new Argument<int>("ID") { Description = "The message's number (see `tmssw outbox list`)." };
        var approve = new Command("approve", "Approve a waiting message, so that `tmssw outbox send` sends it.");
        approve.Arguments.Add(id);
        approve.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            Core.Result result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<ApproveMessage>().RunAsync(Operator, parse.GetValue(id), ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException($"there is no message #{parse.GetValue(id)}.");
            }

            if (!result.Succeeded)
            {
                throw new CliException(result.Error!);
            }

            await console.Out.WriteLineAsync($"Message #{parse.GetValue(id)} approved.");
            return 0;
        });

        var send = new Command("send", "Send the approved messages (and failed ones whose retry time has come) through TMSSW_SMTP.");
        send.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SendOutbox>().RunAsync(Operator, ct);
            foreach (var e in outcome.Errors)
            {
                await console.Error.WriteLineAsync(e);
            }

            await console.Out.WriteLineAsync($"{outcome.Sent} sent, {outcome.Failed} failed (kept, retried later).");
            return outcome.Errors.Count == 0 ? 0 : 1;
        });

        outbox.Subcommands.Add(list);
        outbox.Subcommands.Add(approve);
        outbox.Subcommands.Add(send);
        return outbox;
    }
}
