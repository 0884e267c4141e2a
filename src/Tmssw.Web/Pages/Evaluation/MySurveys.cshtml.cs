using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;
using Tmssw.Web.Startup;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /me/surveys: the surveys someone signed in is invited to, in their language: a Participant their own,
/// a Host its city's host-community invitations; each with its personal link and where it stands.
/// Other roles see none. Nobody sees anyone else's.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MySurveysModel(CurrentUser current, ListOwnSurveys list) : PageModel
{
    public IReadOnlyList<OwnSurveyLine> Surveys { get; private set; } = [];

    public string Language { get; private set; } = "en";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Language = TravellerLocalization.Current;
        Surveys = await list.RunAsync(await current.RequireAsync(ct), Language, ct);
        Response.Headers.CacheControl = "no-store";
    }
}
