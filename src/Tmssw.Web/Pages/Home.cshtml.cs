using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Editions;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages;

/// <summary>Any signed-in role: the start page, listing what the person's role and scope reach.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeModel(CurrentUser current, ListHomeEditions homeEditions) : PageModel
{
    public UserScope Scope { get; private set; } = null!;
    public IReadOnlyList<Edition> Editions { get; private set; } = [];
    public bool SeesRosters { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = await current.RequireAsync(cancellationToken);
        SeesRosters = Scope.SeesRosters;
        Editions = await homeEditions.RunAsync(Scope, cancellationToken);
    }
}
