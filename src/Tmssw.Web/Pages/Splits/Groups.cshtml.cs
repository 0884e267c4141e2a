using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
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
public sealed class GroupsModel(TmsswDbContext db, CurrentUser current) : EditionPage(db, current)
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public IReadOnlyList<Participant> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Scope.GroupRosters(Db, Edition.Id) is not { } groups)
        {
            return NotFound();
        }

        Groups = await groups.OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var ids = Groups.Select(g => (int?)g.Id).ToList();
        Members = await Scope.Participants(Db).AsNoTracking()
            .Where(p => p.EditionId == Edition.Id && ids.Contains(p.GroupId))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
