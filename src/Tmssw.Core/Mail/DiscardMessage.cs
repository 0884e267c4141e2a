using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>Staff discard a message that was not sent; it stays in the outbox as discarded.</summary>
public sealed class DiscardMessage(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await OutboxAccess.FindAsync(db, scope, id, ct);
        if (m.Status is OutboxStatus.Sent or OutboxStatus.Discarded)
        {
            return Result.Fail($"Message #{id} is already {m.Status.ToString().ToLowerInvariant()}.");
        }

        var before = m.Status;
        m.Status = OutboxStatus.Discarded;
        m.DiscardedAt = clock.GetUtcNow();
        m.DiscardedBy = scope.Name;
        m.NextAttemptAt = null;
        audit.Record(scope.Actor, "discard", "OutboxMessage", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("status", before.ToString(), nameof(OutboxStatus.Discarded))]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
