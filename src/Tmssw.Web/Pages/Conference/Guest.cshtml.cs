using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /editions/{year}/conference/guest/{token}: a guest's personal page, opened by the secret link alone:
/// the registration's status per session (place in the waiting list), the badge with its QR code
/// (also as a PDF) and a button to cancel. An unknown link is a 404. Never cached, never indexed,
/// no referrer sent on (the link is the credential).
/// </summary>
[AllowAnonymous]
public sealed class GuestModel(GetGuestRegistration get, CancelGuestRegistration cancel) : PageModel
{
    public GuestRegistrationView View { get; private set; } = null!;

    public bool JustRegistered { get; private set; }

    public bool JustCancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string token, bool registered, bool cancelled, CancellationToken cancellationToken)
    {
        Private();
        if (await get.RunAsync(year, token, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (View, JustRegistered, JustCancelled) = (view, registered, cancelled);
        return Page();
    }

    public async Task<IActionResult> OnGetBadgeAsync(int year, string token, CancellationToken cancellationToken)
    {
        Private();
        if (await get.RunAsync(year, token, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        return File(BadgeSheetPdf.Render([view.Badge], $"Guest badge {year}"), "application/pdf", $"badge-{year}.pdf");
    }

    public async Task<IActionResult> OnPostCancelAsync(int year, string token, int? session, CancellationToken cancellationToken)
    {
        Private();
        if (!await cancel.RunAsync(year, token, session, cancellationToken))
        {
            return NotFound();
        }

        return Redirect(GuestLink.Path(year, token) + "?cancelled=true");
    }

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public static string Describe(GuestSessionLine line) => line.Status switch
    {
        GuestRegistrationStatus.Pending => "Place held, awaiting confirmation by staff",
        GuestRegistrationStatus.Approved => "Confirmed",
        GuestRegistrationStatus.Waitlisted => $"Waiting list, number {line.PlaceInLine} in line",
        GuestRegistrationStatus.Cancelled => "Cancelled by you",
        _ => "Not accepted",
    };
}
