using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /manage/{year}/surveys/{id}/invitations: each respondent's personal link (absolute, under the public
/// address), the days the invitation and reminder are due, when they were queued, and whether the person
/// has answered (never what: anonymous surveys' responses do not point back). Staff of the edition only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class InvitationsModel(CurrentUser current, ListSurveyLinks links, GetSurveyBuilder get) : EditionPage(current)
{
    public IReadOnlyList<SurveyLinkLine> Links { get; private set; } = [];

    public Survey Survey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int survey, CancellationToken ct)
    {
        if (await LoadAsync(year, true, ct) is { } refused)
        {
            return refused;
        }

        Survey = (await get.RunAsync(Scope, year, survey, ct)).Survey;
        Links = await links.RunAsync(Scope, year, survey, ct);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
