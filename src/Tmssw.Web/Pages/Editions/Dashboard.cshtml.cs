using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Editions;

/// <summary>Admin and the edition's Staff: participants by status, region, sector and theme.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DashboardModel(CurrentUser current, GetEditionDashboard dashboard) : EditionPage(current)
{
    public EditionDashboard Stats { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Stats = await dashboard.RunAsync(Edition.Id, cancellationToken);
        return Page();
    }
}
