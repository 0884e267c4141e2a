using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Jobs;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Jobs;

/// <summary>
/// Any signed-in role, own jobs only (another person's job is a 404): a solver's progress (queued with
/// its place in the queue, running with its percent and improving solutions, failed with its reason),
/// read from the database so any instance answers; polled by htmx (or refreshed without JavaScript);
/// redirects to the result when done.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StatusModel(GetJobProgress progress, CurrentUser current) : PageModel
{
    public JobView Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] bool partial, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        try
        {
            Job = await progress.RunAsync(scope, id, cancellationToken);
        }
        catch (OutOfScopeException)
        {
            return NotFound();
        }

        if (Job.State == JobRunState.Done && Job.ResultUrl is not null)
        {
            if (Request.Headers.ContainsKey("HX-Request"))
            {
                Response.Headers["HX-Redirect"] = Job.ResultUrl;
                return Content("");
            }

            return Redirect(Job.ResultUrl);
        }

        return partial ? Partial("_JobProgress", Job) : Page();
    }
}
