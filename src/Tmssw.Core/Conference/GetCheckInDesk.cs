using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

public sealed record DeskSession(int Id, string Title, DateTime Start, DateTime End);

/// <summary>What the door's phone shows: the sessions to pick from and, for the chosen one, how many are in and the latest arrivals.</summary>
public sealed record CheckInDesk(int Year, IReadOnlyList<DeskSession> Sessions, DeskSession? Session, int Count, IReadOnlyList<Attendee> Latest);

/// <summary>The check-in page's data. Admin and the edition's Staff only.</summary>
public sealed class GetCheckInDesk(TmsswDbContext db, GetAttendance attendance)
{
    public async Task<CheckInDesk> RunAsync(UserScope scope, int year, int? sessionId, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayCheckIn(edition.Id))
        {
            throw new OutOfScopeException($"the check-in of edition {year}");
        }

        var report = await attendance.RunAsync(scope, year, ct);
        var sessions = report.Sessions.Select(s => new DeskSession(s.SessionId, s.Title, s.Start, s.End)).ToList();
        var chosen = report.Sessions.FirstOrDefault(s => s.SessionId == sessionId);
        return chosen is null
            ? new CheckInDesk(year, sessions, null, 0, [])
            : new CheckInDesk(year, sessions, sessions.First(s => s.Id == chosen.SessionId), chosen.Count,
                chosen.Attendees.OrderByDescending(a => a.ScannedAt).Take(10).ToList());
    }
}
