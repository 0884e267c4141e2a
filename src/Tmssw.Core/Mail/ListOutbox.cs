using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>A message as staff review it (the address shown: the outbox is the edition's staff's, who may see contacts).</summary>
public sealed record OutboxItem(
    int Id,
    int? EditionId,
    MailTemplate Template,
    string Language,
    string ToName,
    string? ToAddress,
    string Subject,
    string Body,
    OutboxStatus Status,
    string Origin,
    DateTimeOffset CreatedAt,
    string? ApprovedBy,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt,
    string? MessageId);

/// <summary>The outbox for staff: waiting messages first, then failed, approved, sent and discarded; newest first within each.</summary>
public sealed class ListOutbox(TmsswDbContext db, Outbox outbox)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<OutboxItem>> RunAsync(UserScope scope, OutboxStatus? status = null, CancellationToken ct = default)
    {
        if (!scope.MayReviewMail(null))
        {
            throw new OutOfScopeException("the outbox");
        }

        var query = db.OutboxMessages.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var editions = scope.EditionIds.ToList();
            query = query.Where(m => m.EditionId == null || editions.Contains(m.EditionId.Value));
        }

        if (status is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(MaxItems).ToListAsync(ct);
        return [.. rows
            .OrderBy(m => m.Status switch { OutboxStatus.Waiting => 0, OutboxStatus.Failed => 1, OutboxStatus.Approved => 2, OutboxStatus.Sent => 3, _ => 4 })
            .ThenByDescending(m => m.Id)
            .Select(m => Describe(m, outbox))];
    }

    public static OutboxItem Describe(OutboxMessage m, Outbox outbox) => new(
        m.Id, m.EditionId, m.Template, m.Language, m.ToName, outbox.Unprotect(m.ToAddressProtected), m.Subject, m.Body, m.Status, m.Origin,
        m.CreatedAt, m.ApprovedBy, m.Attempts, m.NextAttemptAt, m.LastError, m.SentAt, m.MessageId);
}
