using System.Net.Mail;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>What a reviewer may change before approving: the address, the subject and the body.</summary>
public sealed record MessageEdit(string? ToAddress, string? Subject, string? Body);

/// <summary>
/// Staff edit a message that has not been sent. An approved (or failed) message that is edited goes back
/// to waiting: what is sent is always what a person approved last.
/// </summary>
public sealed class EditMessage(TmsswDbContext db, Outbox outbox, AuditLog audit, TimeProvider clock)
{
    public const int MaxBody = 20_000;

    public async Task<Result> RunAsync(UserScope scope, int id, MessageEdit edit, CancellationToken ct = default)
    {
        var m = await OutboxAccess.FindAsync(db, scope, id, ct);
        if (m.Status is OutboxStatus.Sent or OutboxStatus.Discarded)
        {
            return Result.Fail($"Message #{id} is {m.Status.ToString().ToLowerInvariant()}; it can no longer be edited.");
        }

        var subject = edit.Subject?.Trim() ?? "";
        if (subject.Length is 0 or > 300 || subject.Any(char.IsControl))
        {
            return Result.Fail("Subject: one line of up to 300 characters.");
        }

        var body = (edit.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
        if (body.Trim().Length == 0 || body.Length > MaxBody)
        {
            return Result.Fail($"Body: write the message (up to {MaxBody} characters).");
        }

        var address = string.IsNullOrWhiteSpace(edit.ToAddress) ? null : edit.ToAddress.Trim();
        if (address is not null && !IsAddress(address))
        {
            return Result.Fail("To: give one e-mail address, e.g. name@example.org.");
        }

        var changes = new List<FieldChange>();
        if (m.Subject != subject)
        {
            changes.Add(new("subject", m.Subject, subject));
        }

        if (m.Body != body)
        {
            changes.Add(new("body", "(changed)", "(changed)"));
        }

        if (outbox.Unprotect(m.ToAddressProtected) != address)
        {
            changes.Add(new("to", "(changed)", "(changed)"));
        }

        if (changes.Count == 0)
        {
            return Result.Ok;
        }

        m.Subject = subject;
        m.Body = body;
        m.ToAddressProtected = outbox.Protect(address);
        m.EditedAt = clock.GetUtcNow();
        m.EditedBy = scope.Name;
        if (m.Status is OutboxStatus.Approved or OutboxStatus.Failed)
        {
            changes.Add(new("status", m.Status.ToString(), nameof(OutboxStatus.Waiting)));
            m.Status = OutboxStatus.Waiting;
            m.ApprovedAt = null;
            m.ApprovedBy = null;
            m.NextAttemptAt = null;
        }

        audit.Record(scope.Actor, "edit", "OutboxMessage", id.ToString(System.Globalization.CultureInfo.InvariantCulture), changes);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    public static bool IsAddress(string text) =>
        text.Length <= 254 && !text.Any(char.IsControl) && MailAddress.TryCreate(text, out var a) && a.Address == text && a.DisplayName.Length == 0;
}
