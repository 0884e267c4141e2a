using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Web.Pages.Editions;

/// <summary>Public: a published edition's page.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DetailModel(TmsswDbContext db) : PageModel
{
    private Dictionary<string, string> cityNames = [];

    public Edition? Edition { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        Edition = await db.Editions.AsNoTracking()
            .Include(e => e.Objectives).Include(e => e.Phases).Include(e => e.Figures)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Year == year && e.IsPublished, cancellationToken);
        if (Edition is null)
        {
            return NotFound();
        }

        cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name + ", " + c.State, cancellationToken);
        return Page();
    }

    public string CityName(string id) => cityNames.TryGetValue(id, out var name) ? name : id;
}
