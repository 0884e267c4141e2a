using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff cancel (or restore) a session. It stays on the agenda, marked, so the changelog and the
/// calendars say it was cancelled (STATUS:CANCELLED once published). Audited.
/// </summary>
public sealed class CancelConferenceSession(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<AgendaChangeOutcome> RunAsync(UserScope scope, int year, int sessionId, bool cancelled = true, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var session = await db.ConferenceSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EditionId == editionId, ct)
            ?? throw new OutOfScopeException($"conference session #{sessionId}");
        if (session.Cancelled == cancelled)
        {
            return new(Result.Fail(cancelled ? "The session is already cancelled." : "The session is not cancelled."), sessionId,
                await AgendaEditing.WarningsAsync(db, editionId, ct));
        }

        session.Cancelled = cancelled;
        session.UpdatedAt = clock.GetUtcNow();
        audit.Record(scope.Actor, cancelled ? "ConferenceSessionCancelled" : "ConferenceSessionRestored", "ConferenceSession",
            session.Id.ToString(CultureInfo.InvariantCulture), [new FieldChange("cancelled", cancelled ? "no" : "yes", cancelled ? "yes" : "no")]);
        await db.SaveChangesAsync(ct);
        return new(Result.Ok, sessionId, await AgendaEditing.WarningsAsync(db, editionId, ct));
    }
}
