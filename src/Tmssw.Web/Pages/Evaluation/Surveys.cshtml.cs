using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /manage/{year}/surveys: the edition's surveys for its staff (pre-program, end of program, alumni +1,
/// +3, +5, host community) with how many were invited, started and submitted; a new survey; scheduling
/// the invitations (from the edition's dates) and queueing what is due in the e-mail outbox.
/// Other roles: 403 by policy; another edition's Staff: 404.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SurveysModel(CurrentUser current, ListSurveys list, SaveSurvey save, ScheduleSurveyInvitations schedule, QueueSurveyMessages queue) : EditionPage(current)
{
    public IReadOnlyList<SurveyLine> Surveys { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public bool Anonymous { get; set; } = true;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct) => await LoadAsync(year, true, ct) ?? await ShowAsync(year, ct);

    public async Task<IActionResult> OnPostCreateAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, true, ct) is { } refused)
        {
            return refused;
        }

        var (id, errors) = await save.RunAsync(Scope, year, new SurveyInput(null, Kind, Anonymous, new Dictionary<string, string?> { ["en"] = Title }), ct);
        if (id is { } created)
        {
            return Redirect($"/manage/{year}/surveys/{created}");
        }

        Errors = errors;
        return await ShowAsync(year, ct);
    }

    public async Task<IActionResult> OnPostScheduleAsync(int year, int survey, CancellationToken ct)
    {
        if (await LoadAsync(year, true, ct) is { } refused)
        {
            return refused;
        }

        var (added, result) = await schedule.RunAsync(Scope, year, survey, ct);
        Notice = result.Succeeded ? $"{added} invitation(s) scheduled for survey #{survey}." : result.Error;
        return Redirect($"/manage/{year}/surveys");
    }

    public async Task<IActionResult> OnPostQueueAsync(int year, int survey, CancellationToken ct)
    {
        if (await LoadAsync(year, true, ct) is { } refused)
        {
            return refused;
        }

        var (invitations, reminders) = await queue.RunAsync(Scope, year, survey, ct);
        Notice = $"Survey #{survey}: {invitations} invitation(s) and {reminders} reminder(s) are waiting in the outbox for approval.";
        return Redirect($"/manage/{year}/surveys");
    }

    private async Task<IActionResult> ShowAsync(int year, CancellationToken ct)
    {
        Surveys = await list.RunAsync(Scope, year, ct);
        return Page();
    }
}
