using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Conference;
using Tmssw.Web.Api;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /manage/{year}/conference/checkin?session=ID: the door's page, made for a phone. Staff pick the
/// session, then scan badges with the camera (wwwroot/js/checkin.js with the vendored jsQR) or type
/// or paste the code. Scans go into a queue in the browser (localStorage) with their scan time and
/// are sent to the Scan handler when the connection allows; the server verifies each token. Without
/// JavaScript the code form posts here directly. Admin and the edition's Staff only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CheckInModel(CurrentUser current, GetCheckInDesk desk, RecordCheckIn record) : EditionPage(current)
{
    public CheckInDesk Desk { get; private set; } = null!;

    public CheckInOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int? session, CancellationToken cancellationToken) =>
        await PrepareAsync(year, session, cancellationToken) ?? Page();

    /// <summary>The form without JavaScript: one code, checked in now.</summary>
    public async Task<IActionResult> OnPostAsync(int year, int? session, string? code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Outcome = string.IsNullOrWhiteSpace(code)
            ? new CheckInOutcome(CheckInResult.InvalidToken, "Type or paste the badge's code first.")
            : await record.RunAsync(Scope, year, code, session, null, cancellationToken);
        return await PrepareAsync(year, session, cancellationToken) ?? Page();
    }

    /// <summary>The script's queue sends each scan here (JSON, anti-forgery header), with its original scan time.</summary>
    public async Task<IActionResult> OnPostScanAsync(int year, [FromBody] CheckInRequest? scan, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (scan is null || string.IsNullOrWhiteSpace(scan.Token) || scan.SessionId is null)
        {
            return new JsonResult(new { problem = "A scan needs the badge's code and the session." }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var outcome = await record.RunAsync(Scope, year, scan.Token, scan.SessionId, scan.ScannedAt, cancellationToken);
        return outcome.Accepted
            ? new JsonResult(CheckInsApi.Dto(outcome))
            : new JsonResult(new { problem = outcome.Problem, name = outcome.Person?.Name }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    private async Task<IActionResult?> PrepareAsync(int year, int? session, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Desk = await desk.RunAsync(Scope, year, session, cancellationToken);
        return null;
    }

    public static string Affiliation(BadgePerson p) => p.Country ?? p.Organization ?? "";
}
