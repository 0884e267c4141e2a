using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>Staff invite alumni of an edition by e-mail: the message waits in the outbox for approval.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InvitationsModel(CurrentUser current, ListInvitableAlumni list, InviteAlumnus invite) : PageModel
{
    public int Year { get; private set; } = 2017;
    public IReadOnlyList<InvitableAlumnus> Alumni { get; private set; } = [];

    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }
    public int? ErrorFor { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(string? year, CancellationToken ct)
    {
        Year = ParseYear(year);
        Alumni = await list.RunAsync(await current.RequireAsync(ct), Year, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? year, int participantId, CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        Year = ParseYear(year);
        var outcome = await invite.RunAsync(scope, participantId, Email, ct);
        if (outcome.Succeeded)
        {
            Message = $"Invitation #{outcome.OutboxMessageId} is waiting in the outbox for approval.";
            return RedirectToPage(new { year = Year });
        }

        (Error, ErrorFor) = (outcome.Error, participantId);
        Alumni = await list.RunAsync(scope, Year, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static int ParseYear(string? year) =>
        int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : 2017;
}
