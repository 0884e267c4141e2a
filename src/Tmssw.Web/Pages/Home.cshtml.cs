using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages;

/// <summary>Any signed-in role: the start page, listing what the person's role and scope reach.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class HomeModel(CurrentUser current, TmsswDbContext db) : PageModel
{
    public UserScope Scope { get; private set; } = null!;
    public IReadOnlyList<Edition> Editions { get; private set; } = [];
    public bool SeesRosters { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = await current.RequireAsync(cancellationToken);
        SeesRosters = Scope.IsAdmin || Scope.IsStaff || Scope.IsNominator || Scope.IsHost || Scope.IsInterpreter;
        var query = db.Editions.AsNoTracking();
        if (!Scope.IsAdmin && !Scope.IsNominator && !Scope.IsHost && !Scope.IsInterpreter)
        {
            var ids = Scope.EditionIds.ToList();
            query = query.Where(e => ids.Contains(e.Id));
        }
        else if (!Scope.IsAdmin)
        {
            // Nominators, hosts and interpreters work on editions that have a program to run.
            var ids = Scope.EditionIds.ToList();
            query = query.Where(e => ids.Contains(e.Id) || e.StartDate != null);
        }

        Editions = await query.OrderByDescending(e => e.Year).ToListAsync(cancellationToken);
    }
}
