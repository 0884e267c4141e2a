using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>What the agenda's use cases share: the edition and the scope check, the plan the conflict check reads.</summary>
internal static class AgendaEditing
{
    /// <summary>The edition's id when the caller may edit its agenda; otherwise out of scope (404), also for an unknown year.</summary>
    public static async Task<int> EditionIdAsync(TmsswDbContext db, UserScope scope, int year, CancellationToken ct)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditAgenda(editionId))
        {
            throw new OutOfScopeException($"the {year} conference agenda");
        }

        return editionId;
    }

    public static Task<List<ConferenceSession>> SessionsAsync(TmsswDbContext db, int editionId, CancellationToken ct) =>
        db.ConferenceSessions.AsNoTracking().Include(s => s.Room).Include(s => s.Speakers)
            .Where(s => s.EditionId == editionId).OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);

    /// <summary>The warnings of the edition's draft agenda as it now stands.</summary>
    public static async Task<IReadOnlyList<AgendaWarning>> WarningsAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var sessions = await SessionsAsync(db, editionId, ct);
        var rooms = await db.ConferenceRooms.AsNoTracking().Where(r => r.EditionId == editionId).ToListAsync(ct);
        var days = await db.VenueDays.AsNoTracking().Where(d => d.EditionId == editionId).ToListAsync(ct);
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.EditionId == editionId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return AgendaConflicts.Find(Plan(sessions, rooms, days, speakers));
    }

    public static AgendaPlan Plan(IEnumerable<ConferenceSession> sessions, IEnumerable<ConferenceRoom> rooms, IEnumerable<VenueDay> days, IReadOnlyDictionary<int, string> speakers) => new(
        [.. sessions.Select(s => new PlannedSession(s.Id, s.Title, s.RoomId, s.Start, s.End, s.ExpectedAttendance, [.. s.Speakers.Select(x => x.SpeakerId)], s.Cancelled))],
        [.. rooms.Select(r => new PlannedRoom(r.Id, r.Name, r.Capacity))],
        [.. days.Select(d => new PlannedDay(d.Date, d.Opens, d.Closes))],
        speakers);

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
