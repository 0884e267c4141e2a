using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Me;

/// <summary>A Participant: their own profile and the names and countries of their group; nobody else's record.</summary>
[Authorize(Policy = Policies.Participant)]
public sealed class IndexModel(CurrentUser current, GetOwnProfile profile) : PageModel
{
    public Participant Participant { get; private set; } = null!;
    public string? GroupName { get; private set; }
    public IReadOnlyList<RosterLine> GroupMates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        if (await profile.RunAsync(scope, cancellationToken) is not { } own)
        {
            return NotFound();
        }

        (Participant, GroupName, GroupMates) = own;
        return Page();
    }
}
