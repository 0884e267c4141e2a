using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Anonymous: where a role that does not reach a page lands (status 403).</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
