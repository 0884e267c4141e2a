using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff approve or refuse a guest's request for a session. Approving a pending request keeps its
/// place; a waitlisted one is approved only when a place is free (counted under the session's lock,
/// so the cap holds against concurrent approvals and registrations). Refusing frees the place, which
/// goes at once to the first in the waiting list. Each decision is audited. The edition's runners only.
/// </summary>
public sealed class DecideGuestRegistration(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<Result> ApproveAsync(UserScope scope, int year, int registrationId, CancellationToken ct = default) =>
        DecideAsync(scope, year, registrationId, approve: true, ct);

    public Task<Result> RefuseAsync(UserScope scope, int year, int registrationId, CancellationToken ct = default) =>
        DecideAsync(scope, year, registrationId, approve: false, ct);

    private async Task<Result> DecideAsync(UserScope scope, int year, int registrationId, bool approve, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayManageGuests(edition.Id))
        {
            throw new OutOfScopeException($"the guests of edition {year}");
        }

        var sessionId = await db.GuestRegistrations
            .Where(r => r.Id == registrationId && db.ConferenceGuests.Any(g => g.Id == r.GuestId && g.EditionId == edition.Id))
            .Select(r => (int?)r.SessionId).FirstOrDefaultAsync(ct);
        if (sessionId is null)
        {
            return Result.Fail($"There is no guest request #{registrationId} in {year}.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await GuestPlaces.LockAsync(db, sessionId.Value, ct);
        var registration = await db.GuestRegistrations.FirstAsync(r => r.Id == registrationId, ct);
        var before = registration.Status;
        if (before is GuestRegistrationStatus.Cancelled or GuestRegistrationStatus.Refused)
        {
            return Result.Fail($"This request was {before.ToString().ToLowerInvariant()} already; it cannot be {(approve ? "approved" : "refused")}.");
        }

        if (approve)
        {
            if (before == GuestRegistrationStatus.Approved)
            {
                return Result.Ok;
            }

            if (before == GuestRegistrationStatus.Waitlisted)
            {
                var (cap, held) = await GuestPlaces.CountAsync(db, sessionId.Value, ct);
                if (held >= (cap ?? 0))
                {
                    return Result.Fail($"The session is full ({held} of {cap ?? 0} guest places taken): the request stays in the waiting list. Raise the session's guest places to approve it now.");
                }
            }

            registration.Status = GuestRegistrationStatus.Approved;
        }
        else
        {
            registration.Status = GuestRegistrationStatus.Refused;
        }

        registration.UpdatedAt = now;
        audit.Record(scope.Actor, approve ? "GuestApproved" : "GuestRefused", "GuestRegistration", registrationId.ToString(CultureInfo.InvariantCulture),
            [new FieldChange($"session {sessionId}", before.ToString(), registration.Status.ToString())]);
        await db.SaveChangesAsync(ct);
        if (!approve && before is GuestRegistrationStatus.Pending or GuestRegistrationStatus.Approved)
        {
            foreach (var moved in await GuestPlaces.MoveUpAsync(db, sessionId.Value, now, ct))
            {
                audit.Record(scope.Actor, "GuestMovedUp", "GuestRegistration", moved.Id.ToString(CultureInfo.InvariantCulture),
                    [new FieldChange($"session {sessionId}", nameof(GuestRegistrationStatus.Waitlisted), nameof(GuestRegistrationStatus.Pending))]);
            }

            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return Result.Ok;
    }
}
