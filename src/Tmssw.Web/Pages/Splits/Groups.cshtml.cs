using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants;
using Tmssw.Core.Splits;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Splits;

/// <summary>
/// Admin and the edition's Staff: every group with its roster; a Host: its city's group; an
/// Interpreter: their group. The roster holds names, countries, positions, languages and needs,
/// never passport or contact data.
/// </summary>
[Authorize(Policy = Policies.Rosters)]
public sealed class GroupsModel(CurrentUser current, GetGroupRosters rosters) : EditionPage(current)
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public IReadOnlyList<Participant> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await rosters.RunAsync(Scope, Edition.Id, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        (Groups, Members) = shown;
        return Page();
    }
}
