using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Conference;

/// <summary>One person checked in at a session, when (UTC, and HH:mm local to the conference).</summary>
public sealed record Attendee(string Kind, int PersonId, string Name, string Affiliation, DateTimeOffset ScannedAt, string LocalTime);

public sealed record SessionAttendance(int SessionId, string Title, DateTime Start, DateTime End, int? GuestCap, IReadOnlyList<Attendee> Attendees)
{
    public int Count => Attendees.Count;
}

/// <summary>A person's attendance: the ids of the sessions they were checked in at, in session order.</summary>
public sealed record PersonAttendance(string Kind, int PersonId, string Name, string Affiliation, IReadOnlyList<int> SessionIds);

/// <summary>
/// The conference's attendance: per session (count and who) and per person (which sessions).
/// <see cref="SessionIdsOf"/> answers the evaluation's question, which sessions (and so which of the
/// objectives they serve) a participant was present for.
/// </summary>
public sealed record AttendanceReport(int Year, IReadOnlyList<SessionAttendance> Sessions, IReadOnlyList<PersonAttendance> People)
{
    public IReadOnlyList<int> SessionIdsOf(string kind, int personId) =>
        People.FirstOrDefault(p => p.Kind == kind && p.PersonId == personId)?.SessionIds ?? [];

    /// <summary>Participant id → the sessions they were present for.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> ParticipantSessions =>
        People.Where(p => p.Kind == BadgeRoles.Participant).ToDictionary(p => p.PersonId, p => p.SessionIds);
}

/// <summary>Who attended which conference session, from the check-ins at the door. The edition's runners only.</summary>
public sealed class GetAttendance(TmsswDbContext db)
{
    public async Task<AttendanceReport> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MaySeeAttendance(edition.Id))
        {
            throw new OutOfScopeException($"the attendance of edition {year}");
        }

        var sessions = await db.ConferenceSessions.AsNoTracking().Where(s => s.EditionId == edition.Id)
            .OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.EditionId == edition.Id).ToListAsync(ct);
        var names = await NamesAsync(edition.Id, checkIns, ct);
        var zone = await ConferenceZone.OfAsync(db, edition.Id, ct);
        Attendee ToAttendee(CheckIn c)
        {
            var (name, affiliation) = names.GetValueOrDefault((c.PersonKind, c.PersonId), ($"{c.PersonKind} #{c.PersonId}", ""));
            return new Attendee(c.PersonKind, c.PersonId, name, affiliation, c.ScannedAt,
                TimeZoneInfo.ConvertTime(c.ScannedAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        var perSession = sessions.Select(s => new SessionAttendance(s.Id, s.Title, s.Start, s.End, s.GuestCap,
            checkIns.Where(c => c.SessionId == s.Id).OrderBy(c => c.ScannedAt).ThenBy(c => c.Id).Select(ToAttendee).ToList())).ToList();
        var order = sessions.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var perPerson = checkIns.GroupBy(c => (c.PersonKind, c.PersonId))
            .Select(g =>
            {
                var (name, affiliation) = names.GetValueOrDefault(g.Key, ($"{g.Key.PersonKind} #{g.Key.PersonId}", ""));
                return new PersonAttendance(g.Key.PersonKind, g.Key.PersonId, name, affiliation,
                    g.Select(c => c.SessionId).Distinct().OrderBy(id => order.GetValueOrDefault(id, int.MaxValue)).ToList());
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.PersonId)
            .ToList();
        return new AttendanceReport(year, perSession, perPerson);
    }

    private async Task<Dictionary<(string, int), (string Name, string Affiliation)>> NamesAsync(int editionId, List<CheckIn> checkIns, CancellationToken ct)
    {
        List<int> Ids(string kind) => checkIns.Where(c => c.PersonKind == kind).Select(c => c.PersonId).Distinct().ToList();
        var names = new Dictionary<(string, int), (string, string)>();
        var participantIds = Ids(BadgeRoles.Participant);
        foreach (var p in await db.Participants.AsNoTracking().Where(p => p.EditionId == editionId && participantIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Country }).ToListAsync(ct))
        {
            names[(BadgeRoles.Participant, p.Id)] = ($"{p.GivenName} {p.FamilyName}".Trim(), Countries.FindByCode(p.Country)?.Name ?? p.Country);
        }

        var groupIds = Ids(BadgeRoles.Interpreter);
        foreach (var g in await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, g.InterpreterName }).ToListAsync(ct))
        {
            names[(BadgeRoles.Interpreter, g.Id)] = (g.InterpreterName ?? $"Interpreter of {g.Name}", $"Interpreter · {g.Name}");
        }

        var guestIds = Ids(BadgeRoles.Guest);
        foreach (var g in await db.ConferenceGuests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, g.Organization }).ToListAsync(ct))
        {
            names[(BadgeRoles.Guest, g.Id)] = (g.Name, g.Organization);
        }

        return names;
    }
}
