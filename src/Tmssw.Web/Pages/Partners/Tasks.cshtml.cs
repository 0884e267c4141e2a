using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Partners;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Partners;

/// <summary>
/// The countdown: a partner (Host) sees its city's tasks; staff every city's, or one city's, or only the
/// staff's own steps. Overdue first, then due this week (judged on each city's calendar), then the rest.
/// </summary>
[Authorize(Policy = Policies.Hosts)]
public sealed class TasksModel(CurrentUser current, ListTasks list, CompleteTask complete, PrepareCountdown prepare) : EditionPage(current)
{
    [BindProperty(SupportsGet = true)]
    public string? City { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    public TaskList? List { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        TaskOwner? owner = Owner switch { "partner" => TaskOwner.Partner, "staff" => TaskOwner.Staff, _ => null };
        (List, Error) = await list.RunAsync(Scope, year, City, owner, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(int year, int id, bool done, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        var result = await complete.RunAsync(Scope, year, id, done, ct);
        Message = result.Succeeded ? (done ? "Marked done." : "Opened again.") : result.Error;
        return RedirectToPage(new { year, City, Owner });
    }

    public async Task<IActionResult> OnPostPrepareAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await prepare.RunAsync(Scope, year, ct);
        Message = $"{outcome.Added} tasks added." + (outcome.GroupsWithoutDates.Count > 0 ? $" No dates yet for: {string.Join(", ", outcome.GroupsWithoutDates)}." : "");
        return RedirectToPage(new { year, City, Owner });
    }
}
