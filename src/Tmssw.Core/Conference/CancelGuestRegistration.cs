using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// A guest cancels through their personal link: every session, or one. Each place freed goes at once
/// to the first guest in that session's waiting list (<see cref="GuestPlaces.MoveUpAsync"/>), in the
/// same transaction, under the session's lock. False when the link is unknown.
/// </summary>
public sealed class CancelGuestRegistration(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> RunAsync(int year, string token, int? sessionId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > GuestLink.MaxLength)
        {
            return false;
        }

        var hash = GuestLink.Hash(token);
        var guestId = await db.ConferenceGuests
            .Where(g => g.LinkTokenHash == hash && db.Editions.Any(e => e.Id == g.EditionId && e.Year == year))
            .Select(g => (int?)g.Id)
            .FirstOrDefaultAsync(ct);
        if (guestId is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        // Read before the transaction: its first statement must be the lock (on SQLite a read first
        // would make the later write lock fail at once instead of waiting its turn).
        var sessionIds = await db.GuestRegistrations.Where(r => r.GuestId == guestId && (sessionId == null || r.SessionId == sessionId))
            .Select(r => r.SessionId).Distinct().OrderBy(id => id).ToListAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var id in sessionIds)
        {
            await GuestPlaces.LockAsync(db, id, ct);
        }

        var guest = await db.ConferenceGuests.Include(g => g.Registrations).FirstAsync(g => g.Id == guestId, ct);
        var freed = new List<int>();
        var changes = new List<FieldChange>();
        foreach (var r in guest.Registrations.Where(r => sessionIds.Contains(r.SessionId)
            && r.Status is not (GuestRegistrationStatus.Cancelled or GuestRegistrationStatus.Refused)))
        {
            if (r.HoldsPlace)
            {
                freed.Add(r.SessionId);
            }

            changes.Add(new FieldChange($"session {r.SessionId}", r.Status.ToString(), nameof(GuestRegistrationStatus.Cancelled)));
            r.Status = GuestRegistrationStatus.Cancelled;
            r.UpdatedAt = now;
        }

        if (guest.Registrations.All(r => r.Status is GuestRegistrationStatus.Cancelled or GuestRegistrationStatus.Refused))
        {
            guest.CancelledAt ??= now;
        }

        await db.SaveChangesAsync(ct);
        foreach (var id in freed)
        {
            foreach (var moved in await GuestPlaces.MoveUpAsync(db, id, now, ct))
            {
                audit.Record(Auditing.Actor.System(RegisterGuest.Actor), "GuestMovedUp", "GuestRegistration", moved.Id.ToString(CultureInfo.InvariantCulture),
                    [new FieldChange($"session {id}", nameof(GuestRegistrationStatus.Waitlisted), nameof(GuestRegistrationStatus.Pending))]);
            }
        }

        if (changes.Count > 0)
        {
            audit.Record(Auditing.Actor.System("guest's personal link"), "GuestCancelled", "ConferenceGuest", guest.Id.ToString(CultureInfo.InvariantCulture), changes);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
