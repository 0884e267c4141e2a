using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>What one sending round did.</summary>
public sealed record SendOutcome(int Sent, int Failed, IReadOnlyList<string> Errors)
{
    public static SendOutcome Refused(string error) => new(0, 0, [error]);
}

/// <summary>
/// Sends what people approved (and failed sends whose retry time has come) through SMTP with MailKit.
/// A failure is kept on the message with its reason, and the message is retried later with a growing
/// delay (<see cref="Backoff"/>): never dropped. A sent message stays, with its Message-ID and time.
/// Several instances (or rounds) may run at once: each message is claimed in the database before it is
/// sent (<see cref="ClaimAsync"/>), so exactly one round sends it; a claim whose instance died lapses after
/// <see cref="ClaimTime"/> and the message is tried again.
/// </summary>
public sealed class SendOutbox(TmsswDbContext db, Outbox outbox, MailSettings settings, TimeProvider clock)
{
    public const int MaxPerRound = 200;

    /// <summary>How long a claimed message is left to the round that claimed it (a round sends at most 200 with a 30 s timeout each).</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(15);

    /// <summary>The wait before attempt n+1 after n failed attempts: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 20))));

    public async Task<SendOutcome> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.MayReviewMail(null))
        {
            throw new OutOfScopeException("the outbox");
        }

        var (endpoint, error) = SmtpEndpoint.Parse(settings.Smtp);
        if (endpoint is null)
        {
            return SendOutcome.Refused(error!);
        }

        if (string.IsNullOrWhiteSpace(settings.From) || !MailboxAddress.TryParse(settings.From, out var from))
        {
            return SendOutcome.Refused("TMSSW_MAIL_FROM is not set to an address, e.g. \"TMSSW program <program@example.org>\".");
        }

        return await RoundAsync(scope, endpoint, from, ct);
    }

    /// <summary>
    /// Takes the message for this round if no other round took it since it was read: one conditional
    /// UPDATE that moves its next attempt past the claim time, which matches only while the row still
    /// holds what this round read. Returns false when another round (or instance) was first.
    /// </summary>
    private async Task<bool> ClaimAsync(OutboxMessage m, DateTimeOffset now, CancellationToken ct)
    {
        var (status, attempts, read) = (m.Status, m.Attempts, m.NextAttemptAt);
        var until = now + ClaimTime;
        var claimed = await db.OutboxMessages
            .Where(x => x.Id == m.Id && x.Status == status && x.Attempts == attempts && x.NextAttemptAt == read)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.NextAttemptAt, until), ct);
        if (claimed != 1)
        {
            return false;
        }

        // The tracked copy now matches the row, so what the round changes next is saved against it.
        var next = db.Entry(m).Property(x => x.NextAttemptAt);
        next.CurrentValue = until;
        next.OriginalValue = until;
        return true;
    }

    private async Task<SendOutcome> RoundAsync(UserScope scope, SmtpEndpoint endpoint, MailboxAddress from, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = (await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Approved || m.Status == OutboxStatus.Failed)
                .ToListAsync(ct))
            .Where(m => m.NextAttemptAt is null || m.NextAttemptAt <= now)
            .Where(m => scope.MayReviewMail(m.EditionId))
            .OrderBy(m => m.ApprovedAt).ThenBy(m => m.Id)
            .Take(MaxPerRound)
            .ToList();
        var mine = new List<OutboxMessage>(due.Count);
        foreach (var m in due)
        {
            if (await ClaimAsync(m, now, ct))
            {
                mine.Add(m);
            }
        }

        due = mine;
        if (due.Count == 0)
        {
            return new SendOutcome(0, 0, []);
        }

        var sent = 0;
        var errors = new List<string>();
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security switch
            {
                SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            }, ct);
            if (endpoint.User is not null)
            {
                await client.AuthenticateAsync(endpoint.User, endpoint.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = $"cannot reach the SMTP server {endpoint}: {e.Message}";
            foreach (var m in due)
            {
                Fail(m, reason, now);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return new SendOutcome(0, due.Count, [reason]);
        }

        foreach (var m in due)
        {
            var message = Build(m, from);
            try
            {
                await client.SendAsync(message, ct);
                m.Status = OutboxStatus.Sent;
                m.Attempts++;
                m.LastAttemptAt = now;
                m.SentAt = clock.GetUtcNow();
                m.NextAttemptAt = null;
                m.LastError = null;
                m.MessageId = message.MessageId;
                sent++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or InvalidOperationException)
            {
                var reason = e is SmtpCommandException c
                    ? string.Create(CultureInfo.InvariantCulture, $"the server refused it ({(int)c.StatusCode}): {c.Message}")
                    : $"sending failed: {e.Message}";
                Fail(m, reason, now);
                errors.Add($"#{m.Id}: {reason}");
                if (!client.IsConnected)
                {
                    foreach (var rest in due.SkipWhile(x => x != m).Skip(1))
                    {
                        Fail(rest, "the connection to the SMTP server was lost", now);
                    }

                    break;
                }
            }

            // Each message's outcome is saved as it happens: a crash cannot send one twice or lose a failure.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are already accepted; a failed QUIT changes nothing.
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return new SendOutcome(sent, due.Count - sent, errors);
    }

    private static void Fail(OutboxMessage m, string reason, DateTimeOffset now)
    {
        m.Status = OutboxStatus.Failed;
        m.Attempts++;
        m.LastAttemptAt = now;
        m.LastError = reason.Length > 1000 ? reason[..1000] : reason;
        m.NextAttemptAt = now + Backoff(m.Attempts);
    }

    private MimeMessage Build(OutboxMessage m, MailboxAddress from)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(m.ToName, outbox.Unprotect(m.ToAddressProtected) ?? ""));
        message.Subject = m.Subject;
        message.Headers.Add("X-Tmssw-Outbox-Id", m.Id.ToString(CultureInfo.InvariantCulture));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain);
        var body = new TextPart("plain") { Text = m.Body };
        body.Headers.Add(HeaderId.ContentLanguage, m.Language);
        message.Body = body;
        return message;
    }
}
