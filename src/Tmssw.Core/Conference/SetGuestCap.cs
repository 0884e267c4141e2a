using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff set how many outside guests a session takes (null: none). A raised cap moves the waiting
/// list up at once; a cap below the places already held is refused (refuse requests first). Audited.
/// </summary>
public sealed class SetGuestCap(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int Max = 10_000;

    public async Task<Result> RunAsync(UserScope scope, int year, int sessionId, int? cap, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayManageGuests(edition.Id))
        {
            throw new OutOfScopeException($"the guests of edition {year}");
        }

        if (cap is < 0 or > Max)
        {
            return Result.Fail($"Guest places are a number from 0 to {Max}, or empty for a session without guests.");
        }

        if (!await db.ConferenceSessions.AnyAsync(s => s.Id == sessionId && s.EditionId == edition.Id, ct))
        {
            return Result.Fail($"There is no session #{sessionId} in the {year} conference.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await GuestPlaces.LockAsync(db, sessionId, ct);
        var (before, held) = await GuestPlaces.CountAsync(db, sessionId, ct);
        if ((cap ?? 0) < held)
        {
            return Result.Fail($"{held} guests already hold a place in this session: refuse requests before lowering the places below {held}.");
        }

        var session = await db.ConferenceSessions.FirstAsync(s => s.Id == sessionId, ct);
        session.GuestCap = cap;
        audit.Record(scope.Actor, "GuestCapSet", "ConferenceSession", sessionId.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("GuestCap", before?.ToString(CultureInfo.InvariantCulture), cap?.ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        await GuestPlaces.MoveUpAsync(db, sessionId, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok;
    }
}
