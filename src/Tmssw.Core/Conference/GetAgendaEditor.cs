using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>Everything the staff schedule editor shows: the draft, its warnings, what publishing would change, the versions.</summary>
public sealed record AgendaEditor(
    int Year,
    ConferencePlace Place,
    IReadOnlyList<ConferenceSession> Sessions,
    IReadOnlyList<ConferenceRoom> Rooms,
    IReadOnlyList<VenueDay> Days,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyDictionary<int, string> Objectives,
    IReadOnlyList<AgendaWarning> Warnings,
    IReadOnlyList<AgendaVersionInfo> Versions,
    IReadOnlyList<AgendaChange> Unpublished)
{
    /// <summary>The grid's days: the venue days, and any day a session is on.</summary>
    public IReadOnlyList<DateOnly> GridDays =>
        [.. Days.Select(d => d.Date).Concat(Sessions.Select(s => DateOnly.FromDateTime(s.Start))).Distinct().Order()];

    public IEnumerable<AgendaWarning> WarningsOf(int sessionId) => Warnings.Where(w => w.SessionId == sessionId || w.OtherSessionId == sessionId);

    public string SpeakerName(int id) => Speakers.FirstOrDefault(s => s.Id == id)?.Name ?? $"speaker #{id}";
}

/// <summary>The staff schedule editor's data for one edition (its runners only; others: out of scope, 404).</summary>
public sealed class GetAgendaEditor(TmsswDbContext db)
{
    public async Task<AgendaEditor> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var sessions = await AgendaEditing.SessionsAsync(db, editionId, ct);
        var rooms = await db.ConferenceRooms.AsNoTracking().Where(r => r.EditionId == editionId).OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        var days = await db.VenueDays.AsNoTracking().Where(d => d.EditionId == editionId).OrderBy(d => d.Date).ToListAsync(ct);
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.EditionId == editionId).OrderBy(s => s.Name).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.EditionId == editionId).OrderBy(o => o.Number).ToDictionaryAsync(o => o.Number, o => o.Text, ct);
        var versions = await db.AgendaVersions.AsNoTracking().Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).ToListAsync(ct);
        var published = versions.Count == 0 ? AgendaSnapshot.Empty : AgendaSnapshot.FromJson(versions[0].SnapshotJson);
        var draft = AgendaSnapshot.Of(sessions, speakers);
        return new AgendaEditor(
            year,
            await ConferencePlace.LoadAsync(db, editionId, ct),
            sessions,
            rooms,
            days,
            speakers,
            objectives,
            AgendaConflicts.Find(AgendaEditing.Plan(sessions, rooms, days, speakers.ToDictionary(s => s.Id, s => s.Name))),
            [.. versions.Select(v => new AgendaVersionInfo(v.Number, v.Name, v.PublishedAt))],
            AgendaChangelog.Compare(published, draft));
    }
}
