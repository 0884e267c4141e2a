using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Conference;
using Tmssw.Core.Participants.Export;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /manage/{year}/conference/attendance: per session (count and who) and per person (which sessions),
/// with CSV and XLSX downloads (?handler=Export&amp;format=csv|xlsx). Admin and the edition's Staff only.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AttendanceModel(CurrentUser current, GetAttendance attendance, ExportAttendance export) : EditionPage(current)
{
    public AttendanceReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Report = await attendance.RunAsync(Scope, year, cancellationToken);
        return Page();
    }

    /// <summary>A download of who attended is a POST with the form's anti-forgery token: a cross-site link cannot start it.</summary>
    public async Task<IActionResult> OnPostExportAsync(int year, string? format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        await export.RunAsync(Scope, year, xlsx ? RosterFormat.Xlsx : RosterFormat.Csv, buffer, cancellationToken);
        return xlsx
            ? File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"attendance-{year}.xlsx")
            : File(buffer.ToArray(), "text/csv; charset=utf-8", $"attendance-{year}.csv");
    }

    public string SessionTitle(int id) => Report.Sessions.FirstOrDefault(s => s.SessionId == id)?.Title ?? $"#{id}";
}
