using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Partners;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Partners;

/// <summary>Staff edit an edition's countdown steps (title, arrival or departure, days, whose); saving re-dates open tasks.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StepsModel(CurrentUser current, GetCountdownTemplates get, SaveCountdownTemplates save) : EditionPage(current)
{
    public sealed class StepRow
    {
        public int Id { get; set; }
        public string? Title { get; set; }
        public TaskAnchor Anchor { get; set; }
        public int OffsetDays { get; set; }
        public TaskOwner Owner { get; set; }
        public bool Remove { get; set; }
    }

    [BindProperty]
    public List<StepRow> Steps { get; set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        Steps = [.. (await get.RunAsync(Scope, year, ct)).Select(t => new StepRow { Id = t.Id, Title = t.Title, Anchor = t.Anchor, OffsetDays = t.OffsetDays, Owner = t.Owner })];
        Steps.Add(new StepRow { Anchor = TaskAnchor.Arrival, Owner = TaskOwner.Partner });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            Error = "Each step needs a whole number of days (negative before, positive after).";
            return Page();
        }

        var keep = Steps.Where(s => !s.Remove && !(s.Id == 0 && string.IsNullOrWhiteSpace(s.Title))).ToList();
        var result = await save.RunAsync(Scope, year, [.. keep.Select(s => new CountdownStepInput(s.Id, s.Title, s.Anchor, s.OffsetDays, s.Owner))], ct);
        if (!result.Succeeded)
        {
            Error = result.Error;
            return Page();
        }

        Message = "Steps saved; open tasks follow them.";
        return RedirectToPage("Tasks", new { year });
    }
}
