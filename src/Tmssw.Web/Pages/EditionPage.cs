using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Editions;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages;

/// <summary>
/// A page about one edition (/manage/{year}/…). It loads the edition and the caller's scope; an
/// edition the caller does not reach is a 404, the same as one that does not exist.
/// </summary>
public abstract class EditionPage(CurrentUser current) : PageModel
{
    public Edition Edition { get; private set; } = null!;

    public UserScope Scope { get; private set; } = null!;

    /// <summary>Loads the edition; returns a result to send instead of the page when it is out of reach.</summary>
    protected async Task<IActionResult?> LoadAsync(int year, bool requireRunning, CancellationToken cancellationToken)
    {
        Scope = await current.RequireAsync(cancellationToken);
        var edition = await HttpContext.RequestServices.GetRequiredService<FindEdition>().RunAsync(Scope, year, requireRunning, cancellationToken);
        if (edition is null)
        {
            return NotFound();
        }

        Edition = edition;
        ViewData["Year"] = year;
        return null;
    }
}
