using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants.Export;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// Every role that sees rosters, within its scope: download the roster as CSV or XLSX with the
/// columns the role may see. A Host gets its city's group without sensitive or contact fields.
/// </summary>
[Authorize(Policy = Policies.Rosters)]
public sealed class ExportModel(CurrentUser current, ListRosterCities rosterCities, ExportRoster export) : EditionPage(current)
{
    public IReadOnlyList<string> Cities { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The form only: a GET never exports, so a link from another site cannot start a download (nor its "Revealed" audit entry).</summary>
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Cities = await rosterCities.RunAsync(Scope, Edition.Id, cancellationToken);
        return Page();
    }

    /// <summary>The download: a POST with the form's anti-forgery token (checked by Razor Pages before this runs).</summary>
    public async Task<IActionResult> OnPostAsync(int year, RosterFormat format, string? city, int? group, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Cities = await rosterCities.RunAsync(Scope, Edition.Id, cancellationToken);
        var buffer = new MemoryStream();
        var request = Scope.RosterFilter(Edition.Id, new RosterRequest(Edition.Year, format, city, group));
        var result = await export.RunAsync(Scope, request, buffer, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Error;
            return Page();
        }

        buffer.Position = 0;
        var name = $"tmssw-{Edition.Year}-roster{(request.CityId is null ? "" : "-" + request.CityId)}.{(format == RosterFormat.Csv ? "csv" : "xlsx")}";
        var type = format == RosterFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        return File(buffer, type, name);
    }
}
