using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>/manage/evaluation/ten-years: every edition side by side, published figures with their sources beside the counted ones. Admin and Staff.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TenYearsModel(CurrentUser current, GetTenYearView get) : PageModel
{
    public TenYearView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = await get.RunAsync(await current.RequireAsync(ct), ct);
        return Page();
    }
}
