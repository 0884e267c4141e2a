using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// A host declined a requested meeting: the meeting becomes Declined (kept, for the record) and the
/// rest of the week is solved again with the current times as the previous schedule and a penalty
/// per moved meeting, so few meetings move. The decline stands even when no new schedule is found.
/// </summary>
public sealed class DeclineAndReschedule(TmsswDbContext db, BuildScheduleInstance build, RunSchedule run, AuditLog audit)
{
    /// <summary>What one moved meeting costs against the value a new meeting brings (values are 1–10).</summary>
    public const int DefaultChangeWeight = 3;

    public async Task<ScheduleRunOutcome> RunAsync(
        int year,
        string cityId,
        int meetingId,
        UserScope scope,
        ScheduleRunSettings? settings = null,
        int changeWeight = DefaultChangeWeight,
        CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var meeting = await MeetingLookup.FindAsync(db, year, cityId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return new ScheduleRunOutcome($"There is no meeting {meetingId} in this group's week.");
        }

        var from = meeting.Status;
        var declined = meeting.ChangeStatus(MeetingStatus.Declined);
        if (!declined.Succeeded)
        {
            return new ScheduleRunOutcome(declined.Error);
        }

        meeting.Locked = false;
        audit.Record(actor, "MeetingStatus", "Meeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("status", from.ToString(), MeetingStatus.Declined.ToString())]);
        await db.SaveChangesAsync(cancellationToken);

        var (built, error) = await build.RunAsync(year, cityId, cancellationToken);
        if (built is null)
        {
            return new ScheduleRunOutcome(error);
        }

        var previous = built.CurrentMeetings().ToDictionary(m => m.Offer, m => m.Start);
        return await run.SolveAndSaveAsync(built, actor, settings ?? new(), previous, changeWeight, "ScheduleRerun", cancellationToken);
    }
}
