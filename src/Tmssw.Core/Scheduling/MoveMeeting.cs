using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>A manual change, and the rules the week now breaks, in words (empty when none).</summary>
public sealed record ManualChangeOutcome(Result Result, IReadOnlyList<P.ScheduleViolation> Conflicts)
{
    public static ManualChangeOutcome Fail(string error) => new(Result.Fail(error), []);

    public IEnumerable<string> ConflictMessages => Conflicts.Select(c => c.Message);
}

/// <summary>
/// Moves a planned or requested meeting to another local start (same length) and locks it there,
/// since a person chose the time. Returns what <see cref="P.ScheduleScorer"/> finds wrong with the
/// week afterwards. Audited.
/// </summary>
public sealed class MoveMeeting(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit)
{
    public async Task<ManualChangeOutcome> RunAsync(int year, string cityId, int meetingId, DateTime newStart, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var meeting = await MeetingLookup.FindAsync(db, year, cityId, meetingId, cancellationToken);
        if (meeting is null)
        {
            return ManualChangeOutcome.Fail($"There is no meeting {meetingId} in this group's week.");
        }

        if (meeting.Status is not (MeetingStatus.Planned or MeetingStatus.Requested))
        {
            return ManualChangeOutcome.Fail($"A meeting that is {meeting.Status} cannot be moved; only Planned and Requested meetings can.");
        }

        var (source, error) = await build.LoadAsync(year, cityId, cancellationToken);
        if (source is null)
        {
            return ManualChangeOutcome.Fail(error!);
        }

        newStart = DateTime.SpecifyKind(newStart, DateTimeKind.Unspecified);
        if (!source.Days.Contains(DateOnly.FromDateTime(newStart)))
        {
            return ManualChangeOutcome.Fail($"{newStart:ddd MMM d} is not a program day; the days are {string.Join(", ", source.Days.Select(d => d.ToString("ddd MMM d", CultureInfo.InvariantCulture)))}.");
        }

        if (newStart.Minute % 15 != 0 || newStart.Second != 0 || newStart.Millisecond != 0)
        {
            return ManualChangeOutcome.Fail($"Meetings start on the quarter hour (:00, :15, :30, :45); {newStart:HH:mm} is not one.");
        }

        var before = $"{meeting.Start:yyyy-MM-dd HH:mm}";
        var length = meeting.End - meeting.Start;
        meeting.Start = newStart;
        meeting.End = newStart + length;
        meeting.Locked = true;
        audit.Record(actor, "MeetingMoved", "Meeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("start", before, $"{newStart:yyyy-MM-dd HH:mm}"), new FieldChange("locked", null, "True")]);
        await db.SaveChangesAsync(cancellationToken);
        return new ManualChangeOutcome(Result.Ok, await WeekConflicts.OfAsync(build, year, cityId, cancellationToken));
    }
}

internal static class WeekConflicts
{
    /// <summary>The hard rules the group's active meetings break, judged against the hosts' real windows.</summary>
    public static async Task<IReadOnlyList<P.ScheduleViolation>> OfAsync(BuildScheduleInstance build, int year, string cityId, CancellationToken ct)
    {
        var (built, _) = await build.RunAsync(year, cityId, ct);
        return built is null ? [] : Evaluate(built).Violations;
    }

    /// <summary>The week's score and violations, the violations in words.</summary>
    public static P.ScoreReport Evaluate(BuiltSchedule built)
    {
        var report = P.ScheduleScorer.Evaluate(built.Check, built.CurrentMeetings());
        return report with { Violations = [.. report.Violations.Select(built.InWords)] };
    }
}
