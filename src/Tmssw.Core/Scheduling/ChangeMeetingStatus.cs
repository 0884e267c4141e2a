using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// Planned → Requested → Confirmed | Declined; Confirmed → Thanked. A move the lifecycle does not
/// allow is refused with the moves it does allow. Audited.
/// </summary>
public sealed class ChangeMeetingStatus(TmsswDbContext db, AuditLog audit)
{
    public async Task<Result> RunAsync(int year, string cityId, int meetingId, MeetingStatus to, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var meeting = await MeetingLookup.FindAsync(db, year, cityId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return Result.Fail($"There is no meeting {meetingId} in this group's week.");
        }

        var from = meeting.Status;
        var changed = meeting.ChangeStatus(to);
        if (!changed.Succeeded)
        {
            return changed;
        }

        audit.Record(actor, "MeetingStatus", "Meeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("status", from.ToString(), to.ToString())]);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}

internal static class MeetingLookup
{
    /// <summary>A meeting of the edition's group in the city (tracked), or null: one of another group is not found.</summary>
    public static async Task<Meeting?> FindAsync(TmsswDbContext db, int year, string cityId, int meetingId, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.CityId == cityId && db.Editions.Any(e => e.Id == g.EditionId && e.Year == year))
            .Select(g => (int?)g.Id)
            .FirstOrDefaultAsync(ct);
        return group is null ? null : await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.GroupId == group, ct);
    }
}
