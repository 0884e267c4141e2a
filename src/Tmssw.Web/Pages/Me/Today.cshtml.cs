using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Me;

/// <summary>
/// Today on a phone: where to be now and next, with the address and a map link, the interpreter
/// and the coming days; a Participant's own program, an Interpreter's group's. Kept for offline
/// reading by the service worker (wwwroot/me/sw.js). <c>?day=yyyy-MM-dd</c> shows another day.
/// </summary>
[Authorize(Policy = Policies.Traveller)]
public sealed class TodayModel(GetOwnItinerary own, CurrentUser current, TimeProvider clock) : PageModel
{
    public TodayPlan Plan { get; private set; } = null!;

    public string Language { get; private set; } = "en";

    public async Task<IActionResult> OnGetAsync(string? day, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var mine = await own.RunAsync(scope, cancellationToken);
        DateOnly? asked = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        Plan = TodayView.For(mine.Itinerary, clock.GetUtcNow(), asked);
        Language = Startup.TravellerLocalization.Current;
        return Page();
    }

    /// <summary>The language switcher of every /me page: keeps the choice and goes back where it was.</summary>
    public IActionResult OnPostLanguage(string? language, string? returnUrl)
    {
        Startup.TravellerLocalization.Choose(Response, TravellerText.Resolve(language));
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/me/today");
    }
}
