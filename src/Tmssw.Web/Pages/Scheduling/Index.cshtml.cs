using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Scheduling;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Scheduling;

/// <summary>
/// /manage/{year}/schedule. Admin and the edition's Staff: every split city's week with its meetings
/// and whether it is published. A Host goes straight to its own city's week; an Interpreter or a
/// Participant to their group's. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(CurrentUser current, GetScheduleOverview overview, FindHomeCity homeCity) : EditionPage(current)
{
    public IReadOnlyList<ScheduleOverviewRow> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Scope.RunsEdition(Edition.Id))
        {
            if (await homeCity.RunAsync(Scope, Edition.Id, cancellationToken) is { } city)
            {
                return Redirect($"/manage/{year}/schedule/{city}");
            }

            return NotFound();
        }

        Cities = await overview.RunAsync(Scope, Edition.Id, cancellationToken);
        return Page();
    }
}
