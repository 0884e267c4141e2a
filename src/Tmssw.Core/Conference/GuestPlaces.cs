using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// The guest places of one session, for the use cases that take, free or count them. Every caller
/// runs inside a transaction and calls <see cref="LockAsync"/> first, for each session in ascending
/// id order: a no-op UPDATE of the session row, which on PostgreSQL holds that row's lock until the
/// commit (a second writer waits, then counts again with a fresh snapshot under READ COMMITTED) and
/// on SQLite takes the database's one write lock. So two requests never both see the last free place,
/// and the cap is never exceeded, however many arrive at once.
/// </summary>
internal static class GuestPlaces
{
    public static async Task LockAsync(TmsswDbContext db, int sessionId, CancellationToken ct) =>
        await db.ConferenceSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.GuestCap, s => s.GuestCap), ct);

    /// <summary>The session's cap and the places taken, read after the lock.</summary>
    public static async Task<(int? Cap, int Held)> CountAsync(TmsswDbContext db, int sessionId, CancellationToken ct)
    {
        var cap = await db.ConferenceSessions.Where(s => s.Id == sessionId).Select(s => s.GuestCap).FirstOrDefaultAsync(ct);
        var held = await db.GuestRegistrations.CountAsync(
            r => r.SessionId == sessionId && (r.Status == GuestRegistrationStatus.Pending || r.Status == GuestRegistrationStatus.Approved), ct);
        return (cap, held);
    }

    public static async Task<int> NextWaitlistPositionAsync(TmsswDbContext db, int sessionId, CancellationToken ct) =>
        (await db.GuestRegistrations.Where(r => r.SessionId == sessionId).MaxAsync(r => r.WaitlistPosition, ct) ?? 0) + 1;

    /// <summary>
    /// Moves the waiting list up while places are free: the first in line becomes Pending (a place
    /// held, awaiting approval). Returns the registrations moved up; the caller saves.
    /// </summary>
    public static async Task<IReadOnlyList<GuestRegistration>> MoveUpAsync(TmsswDbContext db, int sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var (cap, held) = await CountAsync(db, sessionId, ct);
        var free = (cap ?? 0) - held;
        if (free <= 0)
        {
            return [];
        }

        var next = await db.GuestRegistrations
            .Where(r => r.SessionId == sessionId && r.Status == GuestRegistrationStatus.Waitlisted)
            .OrderBy(r => r.WaitlistPosition).ThenBy(r => r.Id)
            .Take(free)
            .ToListAsync(ct);
        foreach (var r in next)
        {
            r.Status = GuestRegistrationStatus.Pending;
            r.UpdatedAt = now;
        }

        return next;
    }
}
