using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>An invited alumnus sets a password with their single-use link (unknown, used or expired: 404).</summary>
[AllowAnonymous]
public sealed class WelcomeModel(AcceptInvitation accept) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct) =>
        await accept.IsValidAsync(token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (!string.Equals(Password, Confirm, StringComparison.Ordinal))
        {
            Error = "The two passwords differ.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await accept.IsValidAsync(token, ct) ? Page() : NotFound();
        }

        var result = await accept.RunAsync(token, Password, ct);
        if (result.Succeeded)
        {
            return Redirect("/account/login?returnUrl=%2Fme%2Falumni");
        }

        Error = result.Error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
