using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>A person approves a waiting message: only then may <see cref="SendOutbox"/> send it.</summary>
public sealed class ApproveMessage(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await OutboxAccess.FindAsync(db, scope, id, ct);
        if (m.Status != OutboxStatus.Waiting)
        {
            return Result.Fail($"Message #{id} is {m.Status.ToString().ToLowerInvariant()}, not waiting for approval.");
        }

        if (m.ToAddressProtected is null)
        {
            return Result.Fail($"Message #{id} has no address: give one before approving it.");
        }

        m.Status = OutboxStatus.Approved;
        m.ApprovedAt = clock.GetUtcNow();
        m.ApprovedBy = scope.Name;
        audit.Record(scope.Actor, "approve", "OutboxMessage", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("status", nameof(OutboxStatus.Waiting), nameof(OutboxStatus.Approved))]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
