using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tmssw.Core.Accounts;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;
using Tmssw.Core.Tests.Partners;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Mail;

/// <summary>
/// The outbox against a real SMTP server (aiosmtpd on loopback, <see cref="SmtpSink"/>): messages come
/// from real events (a status change), wait for a person, and only approved ones are sent; what the
/// server received is read back with MimeKit's parser. A refused first try is retried after its backoff.
/// </summary>
public class OutboxTests
{
    private const string From = "TMSSW program <program@example.org>";

    /// <summary>Two demo participants with an address on file, moved Confirmed → Traveling by staff: two messages wait.</summary>
    private static async Task<(int Spanish, int Other)> TwoStatusChangesAsync(PartnersWorld w)
    {
        int spanish, other;
        await using (var scope = w.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Tmssw.Core.Data.TmsswDbContext>();
            var sensitive = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
            var people = await db.Participants.Where(p => p.EditionId == w.EditionId && p.Status == NominationStatus.Confirmed).OrderBy(p => p.Id).ToListAsync();
            var es = people.First(p => p.InterpretationLanguage == "es");
            var en = people.First(p => p.InterpretationLanguage == null);
            sensitive.Write(es, new SensitiveValues(null, null, "alejandro@example.org", null));
            sensitive.Write(en, new SensitiveValues(null, null, "second@example.org", null));
            await db.SaveChangesAsync();
            (spanish, other) = (es.Id, en.Id);
        }

        var changed = await w.RunAsync<ChangeStatuses, StatusChangeResult>(s => s.RunAsync(w.Staff(), new StatusChangeRequest([spanish, other], NominationStatus.Traveling, null)));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors.Select(e => e.Message)));
        return (spanish, other);
    }

    private static async Task<OutboxMessage> MessageForAsync(PartnersWorld w, int participantId)
    {
        await using var db = w.Db();
        return await db.OutboxMessages.SingleAsync(m => m.ParticipantId == participantId);
    }

    [Theory, ProviderData]
    public async Task An_approved_message_reaches_the_server_with_its_headers_and_an_unapproved_one_never_leaves(Provider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(sink.Url, From));
        var (spanish, other) = await TwoStatusChangesAsync(w);
        var waiting = await MessageForAsync(w, spanish);
        Assert.Equal((OutboxStatus.Waiting, MailTemplate.StatusChanged, "es"), (waiting.Status, waiting.Template, waiting.Language));

        // Nothing approved: a sending round sends nothing.
        var none = await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()));
        Assert.Equal(0, none.Sent);
        Assert.Empty(sink.Received());

        Assert.True((await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), waiting.Id))).Succeeded);
        var outcome = await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()));
        Assert.Equal((1, 0), (outcome.Sent, outcome.Failed));

        var received = Assert.Single(sink.Received());
        var mail = MimeMessage.Load(new MemoryStream(received));
        Assert.Equal("program@example.org", mail.From.Mailboxes.Single().Address);
        Assert.Equal("alejandro@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Alejandro Ramírez Ortega", mail.To.Mailboxes.Single().Name);
        Assert.EndsWith("su nominación está ahora en viaje", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("es", mail.Body!.Headers["Content-Language"]);
        Assert.Equal(waiting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), mail.Headers["X-Tmssw-Outbox-Id"]);
        Assert.StartsWith("Estimado/a Alejandro Ramírez Ortega:", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("en viaje", mail.TextBody, StringComparison.Ordinal);

        var sent = await MessageForAsync(w, spanish);
        Assert.Equal((OutboxStatus.Sent, 1, "<" + mail.MessageId + ">"), (sent.Status, sent.Attempts, "<" + sent.MessageId + ">"));
        Assert.Equal(OutboxStatus.Waiting, (await MessageForAsync(w, other)).Status);

        // A second round sends nothing again: a sent message is kept, not re-sent.
        Assert.Equal(0, (await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()))).Sent);
        Assert.Single(sink.Received());
    }

    [Theory, ProviderData]
    public async Task A_server_that_refuses_the_first_try_gets_it_again_after_the_backoff(Provider provider)
    {
        await using var sink = await SmtpSink.StartAsync(refuseFirst: 1);
        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(sink.Url, From));
        var (spanish, _) = await TwoStatusChangesAsync(w);
        var id = (await MessageForAsync(w, spanish)).Id;
        await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id));

        var first = await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()));
        Assert.Equal((0, 1), (first.Sent, first.Failed));
        var failed = await MessageForAsync(w, spanish);
        Assert.Equal((OutboxStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("451", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(w.Clock.Now + SendOutbox.Backoff(1), failed.NextAttemptAt);
        Assert.Empty(sink.Received());

        // Before its time it waits; after it, it is sent.
        Assert.Equal((0, 0), ((await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()))).Sent, sink.Received().Count));
        w.Clock.Now += SendOutbox.Backoff(1);
        Assert.Equal(1, (await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()))).Sent);
        Assert.Single(sink.Received());
        var sent = await MessageForAsync(w, spanish);
        Assert.Equal((OutboxStatus.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
    }

    /// <summary>Eight approved messages to eight addresses, as staff would leave them.</summary>
    private static async Task<List<int>> EightApprovedAsync(PartnersWorld w)
    {
        var ids = new List<int>();
        await using (var scope = w.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Tmssw.Core.Data.TmsswDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var added = new List<OutboxMessage>();
            for (var i = 0; i < 8; i++)
            {
                added.Add(await outbox.AddToAsync(w.EditionId, null, $"Person {i}", $"person{i}@example.org", "en", MailTemplate.StatusChanged, "test",
                    new Dictionary<string, string?> { ["status"] = "Traveling" }));
            }

            await db.SaveChangesAsync();
            ids.AddRange(added.Select(m => m.Id));
        }

        foreach (var id in ids)
        {
            Assert.True((await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id))).Succeeded);
        }

        return ids;
    }

    [Theory, ProviderData]
    public async Task Two_instances_sending_at_once_send_each_message_exactly_once(Provider provider)
    {
        // A slow server, so that the second round reads the outbox while the first is still sending.
        await using var sink = await SmtpSink.StartAsync(delayMilliseconds: 150);
        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(sink.Url, From));
        await EightApprovedAsync(w);
        List<int> ids;
        await using (var before = w.Db())
        {
            ids = await before.OutboxMessages.Where(m => m.Status == OutboxStatus.Approved).Select(m => m.Id).ToListAsync();
        }

        Assert.True(ids.Count >= 8);
        var rounds = await Task.WhenAll(
            w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff())),
            w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff())));

        Assert.Equal(ids.Count, rounds.Sum(r => r.Sent));
        Assert.All(rounds, r => Assert.Equal(0, r.Failed));
        var received = sink.Received().Select(raw => MimeMessage.Load(new MemoryStream(raw)).Headers["X-Tmssw-Outbox-Id"]).ToList();
        Assert.Equal(ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), received.Order());
        await using var db = w.Db();
        var rows = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync();
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1, (DateTimeOffset?)null), (m.Status, m.Attempts, m.NextAttemptAt)));
    }

    [Theory, ProviderData]
    public async Task A_claim_left_by_a_stopped_instance_lapses_and_the_message_goes_later(Provider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(sink.Url, From));
        var id = (await EightApprovedAsync(w))[0];
        await using (var db = w.Db())
        {
            // What a round's claim leaves when its instance is killed before sending.
            var until = w.Clock.Now + SendOutbox.ClaimTime;
            await db.OutboxMessages.Where(m => m.Id != id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Discarded));
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, until));
        }

        Assert.Equal(0, (await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()))).Sent);
        Assert.Empty(sink.Received());
        w.Clock.Now += SendOutbox.ClaimTime;
        Assert.Equal(1, (await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()))).Sent);
        Assert.Single(sink.Received());
    }

    [Theory, ProviderData]
    public async Task A_server_that_cannot_be_reached_loses_nothing(Provider provider)
    {
        string url;
        await using (var gone = await SmtpSink.StartAsync())
        {
            url = gone.Url;
        }

        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(url, From));
        var (spanish, _) = await TwoStatusChangesAsync(w);
        var id = (await MessageForAsync(w, spanish)).Id;
        await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id));

        var outcome = await w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(w.Staff()));
        Assert.Equal(1, outcome.Failed);
        var failed = await MessageForAsync(w, spanish);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.StartsWith("cannot reach the SMTP server smtp://127.0.0.1:", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(failed.Body, (await MessageForAsync(w, spanish)).Body);
    }

    [Theory, ProviderData]
    public async Task Review_edits_send_an_approved_message_back_to_waiting_and_checks_what_is_typed(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (spanish, _) = await TwoStatusChangesAsync(w);
        var id = (await MessageForAsync(w, spanish)).Id;
        await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id));

        var edited = await w.RunAsync<EditMessage, Result>(s => s.RunAsync(w.Staff(), id, new MessageEdit("alejandro@example.org", "Asunto corregido", "Texto corregido.")));
        Assert.True(edited.Succeeded, edited.Error);
        var m = await MessageForAsync(w, spanish);
        Assert.Equal((OutboxStatus.Waiting, "Asunto corregido", (string?)null), (m.Status, m.Subject, m.ApprovedBy));

        Assert.Equal("To: give one e-mail address, e.g. name@example.org.",
            (await w.RunAsync<EditMessage, Result>(s => s.RunAsync(w.Staff(), id, new MessageEdit("not an address", "x", "y")))).Error);
        Assert.Equal("Subject: one line of up to 300 characters.",
            (await w.RunAsync<EditMessage, Result>(s => s.RunAsync(w.Staff(), id, new MessageEdit(null, "two\nlines", "y")))).Error);

        // Without an address it cannot be approved.
        await w.RunAsync<EditMessage, Result>(s => s.RunAsync(w.Staff(), id, new MessageEdit("", "Asunto", "Texto.")));
        Assert.Equal($"Message #{id} has no address: give one before approving it.", (await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id))).Error);

        Assert.True((await w.RunAsync<DiscardMessage, Result>(s => s.RunAsync(w.Staff(), id))).Succeeded);
        Assert.Equal(OutboxStatus.Discarded, (await MessageForAsync(w, spanish)).Status);
        Assert.Contains("not waiting", (await w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(w.Staff(), id))).Error);
    }

    [Theory, ProviderData]
    public async Task Only_the_edition_s_staff_review_its_messages(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (spanish, _) = await TwoStatusChangesAsync(w);
        var id = (await MessageForAsync(w, spanish)).Id;

        Assert.Equal(2, (await w.RunAsync<ListOutbox, IReadOnlyList<OutboxItem>>(s => s.RunAsync(w.Staff()))).Count);
        Assert.Equal("alejandro@example.org", (await w.RunAsync<ListOutbox, IReadOnlyList<OutboxItem>>(s => s.RunAsync(w.Staff()))).Single(m => m.Id == id).ToAddress);
        Assert.Empty(await w.RunAsync<ListOutbox, IReadOnlyList<OutboxItem>>(s => s.RunAsync(PartnersWorld.OtherStaff())));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(PartnersWorld.OtherStaff(), id)));
        var nominator = new UserScope("n", "Nominator", new HashSet<string> { Roles.Nominator }, new HashSet<int>(), Country: "MX");
        foreach (var scope in new[] { PartnersWorld.Host("phoenix"), nominator })
        {
            await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListOutbox, IReadOnlyList<OutboxItem>>(s => s.RunAsync(scope)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ApproveMessage, Result>(s => s.RunAsync(scope, id)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<SendOutbox, SendOutcome>(s => s.RunAsync(scope)));
        }
    }
}
