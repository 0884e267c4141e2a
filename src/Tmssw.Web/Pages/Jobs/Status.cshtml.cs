using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Web.Jobs;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Jobs;

/// <summary>
/// Any signed-in role, own jobs only (another person's job is a 404): a solver's live progress,
/// polled by htmx (or refreshed without JavaScript); redirects to the result when done.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StatusModel(SolverJobs jobs, CurrentUser current) : PageModel
{
    public SolverJob Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] bool partial, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var job = jobs.Get(id, scope.UserId);
        if (job is null)
        {
            return NotFound();
        }

        Job = job;
        if (job.State == JobState.Done && job.ResultUrl is not null)
        {
            if (Request.Headers.ContainsKey("HX-Request"))
            {
                Response.Headers["HX-Redirect"] = job.ResultUrl;
                return Content("");
            }

            return Redirect(job.ResultUrl);
        }

        return partial ? Partial("_JobProgress", job) : Page();
    }
}
