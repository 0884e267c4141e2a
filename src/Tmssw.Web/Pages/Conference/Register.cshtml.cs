using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tmssw.Core.Conference;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /editions/{year}/conference/register: the public form for outside guests (no account, no
/// JavaScript). Sending it is rate-limited per address; a honeypot field catches robots; a form that
/// fails shows what to fix next to each field and keeps what was typed. Success goes to the guest's
/// personal page (badge, QR, cancel).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(TmsswWeb.GuestRegistrationRateLimit)]
public sealed class RegisterModel(RegisterGuest register) : PageModel
{
    public GuestForm Form { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [BindProperty]
    public GuestFormInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await register.FormAsync(year, cancellationToken) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (await register.FormAsync(year, cancellationToken) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        var outcome = await register.RunAsync(year,
            new GuestInput(Input.Name, Input.Organization, Input.Position, Input.Email, Input.SessionIds ?? []), Input.Website, cancellationToken);
        if (outcome.Result == GuestRegistrationResult.Registered)
        {
            return Redirect(GuestLink.Path(year, outcome.LinkToken!) + "?registered=true");
        }

        Errors = outcome.Errors;
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public bool Chosen(int sessionId) => Input.SessionIds?.Contains(sessionId) == true;

    public sealed class GuestFormInput
    {
        public string? Name { get; set; }
        public string? Organization { get; set; }
        public string? Position { get; set; }
        public string? Email { get; set; }
        public List<int>? SessionIds { get; set; }

        /// <summary>The honeypot: hidden from people, filled in by robots.</summary>
        public string? Website { get; set; }
    }
}
