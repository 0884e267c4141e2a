using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>Staff: the open reports on the knowledge exchange, each with a link to the post to hide or keep.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ModerationModel(CurrentUser current, ListReports reports) : PageModel
{
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Reports = await reports.RunAsync(await current.RequireAsync(ct), ct);
}
