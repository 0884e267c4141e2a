using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core;
using Tmssw.Core.Conference;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /manage/{year}/conference/guests: the conference's outside guests for Admin and the edition's
/// Staff: each session's guest places (set here), every guest's requests, approve and refuse (a
/// refusal moves the waiting list up). Other roles: 403 by policy; another edition's Staff: 404.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class GuestsModel(CurrentUser current, ListGuests list, DecideGuestRegistration decide, SetGuestCap setCap) : EditionPage(current)
{
    public GuestList Guests { get; private set; } = null!;

    public string? Problem { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string? done, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Notice = done switch
        {
            "approve" => "Approved.",
            "refuse" => "Refused; the first in the waiting list, if any, moved up.",
            "cap" => "Guest places saved.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int year, int registration, string? decision, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = decision switch
        {
            "approve" => await decide.ApproveAsync(Scope, year, registration, cancellationToken),
            "refuse" => await decide.RefuseAsync(Scope, year, registration, cancellationToken),
            _ => Result.Fail("Choose approve or refuse."),
        };
        return await AfterAsync(year, result, decision, cancellationToken);
    }

    public async Task<IActionResult> OnPostCapAsync(int year, int session, string? cap, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        int? places = null;
        var result = Result.Ok;
        if (!string.IsNullOrWhiteSpace(cap))
        {
            if (int.TryParse(cap.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                places = n;
            }
            else
            {
                result = Result.Fail($"Guest places are a whole number from 0 to {SetGuestCap.Max}, or empty for no guests (not “{cap}”).");
            }
        }

        if (result.Succeeded)
        {
            result = await setCap.RunAsync(Scope, year, session, places, cancellationToken);
        }

        return await AfterAsync(year, result, "cap", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int year, Result result, string? done, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect($"/manage/{year}/conference/guests?done={done}");
        }

        Problem = result.Error;
        Guests = await list.RunAsync(Scope, year, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Guests = await list.RunAsync(Scope, year, cancellationToken);
        return null;
    }

    public static string StatusText(GuestRequestLine r) => r.Status switch
    {
        GuestRegistrationStatus.Pending => "Place held, to approve",
        GuestRegistrationStatus.Waitlisted => $"Waiting list #{r.PlaceInLine}",
        _ => r.Status.ToString(),
    };
}
