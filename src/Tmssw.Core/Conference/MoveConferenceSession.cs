using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff move a session to another start time and/or room (the grid's drag, or its keyboard form);
/// the session keeps its length. Audited; the draft's warnings come back at once.
/// </summary>
public sealed class MoveConferenceSession(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<AgendaChangeOutcome> RunAsync(UserScope scope, int year, int sessionId, DateTime start, int? roomId, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var session = await db.ConferenceSessions.Include(s => s.Speakers).FirstOrDefaultAsync(s => s.Id == sessionId && s.EditionId == editionId, ct)
            ?? throw new OutOfScopeException($"conference session #{sessionId}");
        if (roomId is { } r && !await db.ConferenceRooms.AnyAsync(x => x.Id == r && x.EditionId == editionId, ct))
        {
            return new(Result.Fail("Choose one of the conference's rooms."), sessionId, await AgendaEditing.WarningsAsync(db, editionId, ct));
        }

        if (session.Cancelled)
        {
            return new(Result.Fail("The session is cancelled; restore it before moving it."), sessionId, await AgendaEditing.WarningsAsync(db, editionId, ct));
        }

        var before = SaveConferenceSession.Snapshot(session);
        var length = session.End - session.Start;
        session.Start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
        session.End = session.Start + length;
        session.RoomId = roomId;
        var changes = AuditLog.Diff(before, SaveConferenceSession.Snapshot(session));
        if (changes.Count > 0)
        {
            session.UpdatedAt = clock.GetUtcNow();
            audit.Record(scope.Actor, "ConferenceSessionMoved", "ConferenceSession", session.Id.ToString(CultureInfo.InvariantCulture), changes);
            await db.SaveChangesAsync(ct);
        }

        return new(Result.Ok, sessionId, await AgendaEditing.WarningsAsync(db, editionId, ct));
    }
}
