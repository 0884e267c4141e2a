using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Jobs;
using Tmssw.Core.Scheduling;
using Tmssw.Web.Jobs;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Scheduling;

/// <summary>
/// /manage/{year}/schedule/{cityId}: the city group's week as a calendar. Admin and the edition's
/// Staff (every city) and the Host of that city (its own city only; another city is a 404) see the
/// draft and may run the scheduler (a background job shown at /jobs/{id}), move a meeting (drag, or
/// the form), lock it, change its status, decline and reschedule, and publish. The group's
/// Interpreter and Participants see the week read-only, and only once published. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class WeekModel(
    CurrentUser current,
    GetGroupWeek getWeek,
    SolverJobs jobs,
    GetJobProgress progress,
    Tmssw.Core.Partners.GetHospitalityEvening hospitality) : EditionPage(current)
{
    /// <summary>The group's saved home-hospitality evening (it falls outside the meeting hours, so it is listed under the week).</summary>
    public Tmssw.Core.Partners.SavedEvening? Hospitality { get; private set; }

    /// <summary>A scheduler run's time limit.</summary>
    public const int ScheduleSeconds = 10;

    public GroupWeek Week { get; private set; } = null!;

    public WeekAccess Access { get; private set; }

    public bool MayEdit => Access == WeekAccess.Edit;

    /// <summary>What the last action did, in words.</summary>
    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The meeting the last manual change was about, to scroll to and highlight.</summary>
    public int? Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string cityId, [FromQuery] Guid? run, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (run is { } id && MayEdit)
        {
            JobView job;
            try
            {
                job = await progress.RunAsync(Scope, id, cancellationToken);
            }
            catch (Tmssw.Core.Accounts.OutOfScopeException)
            {
                return Page(); // another person's run: the week is shown without its outcome
            }

            if (job.State == JobRunState.Failed)
            {
                Problem = job.Error;
            }
            else if (job.MessageIsProblem)
            {
                Problem = job.Message;
            }
            else
            {
                Notice = job.Message;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(int year, string cityId, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var job = await jobs.StartAsync(Scope, JobKinds.Schedule, $"schedule:{year}:{cityId}", $"Scheduling the {Week.City.DisplayName} group's week",
            new ScheduleRunInput(year, cityId, ScheduleSeconds), cancellationToken);
        return Redirect($"/jobs/{job}");
    }

    public async Task<IActionResult> OnPostMoveAsync(
        int year, string cityId, int meetingId, string? date, string? time, [FromServices] MoveMeeting move, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Problem = "Choose a day and a time such as 14:30.";
            return Page();
        }

        var outcome = await move.RunAsync(year, cityId, meetingId, day.ToDateTime(at), Scope, cancellationToken);
        return await AfterChangeAsync(year, cityId, meetingId, outcome, $"Moved to {day:ddd MMM d} at {at:HH:mm} and locked there.", cancellationToken);
    }

    public async Task<IActionResult> OnPostLockAsync(
        int year, string cityId, int meetingId, bool locked, [FromServices] LockMeeting lockMeeting, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var outcome = await lockMeeting.RunAsync(year, cityId, meetingId, locked, Scope, cancellationToken);
        return await AfterChangeAsync(year, cityId, meetingId, outcome, locked ? "Locked: the scheduler keeps it where it is." : "Unlocked: the next run may move it.", cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(
        int year, string cityId, int meetingId, MeetingStatus status, [FromServices] ChangeMeetingStatus change, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var result = await change.RunAsync(year, cityId, meetingId, status, Scope, cancellationToken);
        return await AfterChangeAsync(year, cityId, meetingId, new ManualChangeOutcome(result, []), $"Now {status}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(
        int year, string cityId, int meetingId, [FromServices] DeclineAndReschedule decline, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var outcome = await decline.RunAsync(year, cityId, meetingId, Scope,
            new ScheduleRunSettings { TimeLimit = TimeSpan.FromSeconds(5), SolverCancellation = cancellationToken }, cancellationToken: cancellationToken);
        await ReloadAsync(year, cityId, cancellationToken);
        if (outcome.Error is not null || !outcome.Succeeded)
        {
            Problem = outcome.Error ?? "Declined, but no new schedule was found: " + outcome.Describe();
        }
        else
        {
            Notice = $"Declined. The week was solved again: {outcome.Moved} meeting{(outcome.Moved == 1 ? "" : "s")} moved, {outcome.Added} added.";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddBusyAsync(
        int year, string cityId, string? label, string? date, string? from, string? to, [FromServices] SaveBusyItem busy, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(from, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(to, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            Problem = "Choose a day and the times the item starts and ends, such as 09:00 and 10:30.";
            return Page();
        }

        var result = await busy.AddAsync(year, cityId, label, day, start, end, Scope, cancellationToken);
        await ReloadAsync(year, cityId, cancellationToken);
        (Notice, Problem) = result.Succeeded ? ("Fixed item added; the next run keeps meetings clear of it.", (string?)null) : ((string?)null, result.Error);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveBusyAsync(int year, string cityId, int itemId, [FromServices] SaveBusyItem busy, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var result = await busy.RemoveAsync(year, cityId, itemId, Scope, cancellationToken);
        await ReloadAsync(year, cityId, cancellationToken);
        (Notice, Problem) = result.Succeeded ? ("Fixed item removed.", (string?)null) : ((string?)null, result.Error);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, string cityId, [FromServices] PublishSchedule publish, CancellationToken cancellationToken)
    {
        if (await LoadWeekAsync(year, cityId, cancellationToken, requireEdit: true) is { } refused)
        {
            return refused;
        }

        var result = await publish.RunAsync(year, cityId, Scope, cancellationToken);
        await ReloadAsync(year, cityId, cancellationToken);
        if (result.Succeeded)
        {
            Notice = "Published: the city's hosts, the group's interpreter and its participants now see this week.";
        }
        else
        {
            Problem = result.Error;
        }

        return Page();
    }

    private async Task<IActionResult> AfterChangeAsync(int year, string cityId, int meetingId, ManualChangeOutcome outcome, string done, CancellationToken ct)
    {
        await ReloadAsync(year, cityId, ct);
        Changed = meetingId;
        if (!outcome.Result.Succeeded)
        {
            Problem = outcome.Result.Error;
        }
        else if (outcome.Conflicts.Count > 0)
        {
            Problem = done + " The week now breaks " + (outcome.Conflicts.Count == 1 ? "a rule" : $"{outcome.Conflicts.Count} rules")
                + ", listed below and marked on the meetings.";
        }
        else
        {
            Notice = done + " No conflicts.";
        }

        return Page();
    }

    private async Task ReloadAsync(int year, string cityId, CancellationToken ct)
    {
        var (week, _) = await getWeek.RunAsync(Scope, year, cityId, ct);
        Week = week ?? Week;
    }

    private async Task<IActionResult?> LoadWeekAsync(int year, string cityId, CancellationToken ct, bool requireEdit = false)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        // Out of the caller's reach, the use case refuses (404).
        var (week, _) = await getWeek.RunAsync(Scope, year, cityId, ct);
        if (week is null || (requireEdit && week.Access != WeekAccess.Edit))
        {
            return NotFound();
        }

        Week = week;
        Access = week.Access;
        Hospitality = await hospitality.RunAsync(Scope, year, cityId, ct);
        return null;
    }

    // ---- calendar geometry: rows of 15 minutes from the day's start (CSS classes, no inline styles) ----

    public const int Grain = 15;

    public int Rows => (int)(Week.DayEnd - Week.DayStart).TotalMinutes / Grain;

    /// <summary>Grid classes placing [start, end) on the day's rows, clipped to the day.</summary>
    public string Place(DateTime start, DateTime end)
    {
        var dayStart = Week.DayStart.ToTimeSpan();
        var first = (int)Math.Floor((start.TimeOfDay - dayStart).TotalMinutes / Grain);
        var last = (int)Math.Ceiling((end.TimeOfDay - dayStart).TotalMinutes / Grain);
        first = Math.Clamp(first, 0, Rows - 1);
        last = Math.Clamp(last, first + 1, Rows);
        return $"s{first + 1} n{last - first}";
    }

    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public static string StatusClass(MeetingStatus s) => "st-" + s.ToString().ToLowerInvariant();
}
