using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Hosts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Hosts;

/// <summary>
/// Admin and the edition's Staff: every city of the edition's split with its host organizations and
/// this edition's offers; a Host: its own city only.
/// </summary>
[Authorize(Policy = Policies.Hosts)]
public sealed class CitiesModel(CurrentUser current, ListEditionHosts hosts) : EditionPage(current)
{
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public IReadOnlyList<HostOrganization> Hosts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        (Cities, Hosts) = await hosts.RunAsync(Scope, Edition.Id, cancellationToken);
        return Page();
    }
}
