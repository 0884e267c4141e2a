using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>Locks a meeting where it is (the scheduler keeps it) or unlocks it. Audited.</summary>
public sealed class LockMeeting(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit)
{
    public async Task<ManualChangeOutcome> RunAsync(int year, string cityId, int meetingId, bool locked, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var meeting = await MeetingLookup.FindAsync(db, year, cityId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return ManualChangeOutcome.Fail($"There is no meeting {meetingId} in this group's week.");
        }

        if (meeting.Status == MeetingStatus.Declined)
        {
            return ManualChangeOutcome.Fail("A declined meeting cannot be locked.");
        }

        if (meeting.Locked != locked)
        {
            audit.Record(actor, locked ? "MeetingLocked" : "MeetingUnlocked", "Meeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
                [new FieldChange("locked", meeting.Locked.ToString(), locked.ToString())]);
            meeting.Locked = locked;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ManualChangeOutcome(Result.Ok, await WeekConflicts.OfAsync(build, year, cityId, cancellationToken));
    }
}
