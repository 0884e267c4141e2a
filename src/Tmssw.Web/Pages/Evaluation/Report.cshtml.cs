using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /manage/{year}/evaluation: the edition's evaluation report, with PDF, XLSX and JSON downloads
/// (?handler=Download&amp;format=pdf|xlsx|json). Admin and the edition's Staff.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReportModel(CurrentUser current, GetEvaluationReport get, ExportEvaluationReport export) : EditionPage(current)
{
    public EvaluationReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        Report = await get.RunAsync(Scope, year, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int year, string? format, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        if (!Enum.TryParse<EvaluationReportFormat>(format, ignoreCase: true, out var f) || !Enum.IsDefined(f) || int.TryParse(format, out _))
        {
            return BadRequest($"format: \"{format}\" is not one of pdf, xlsx, json.");
        }

        var bytes = await export.RunAsync(Scope, year, f, ct);
        return File(bytes, ExportEvaluationReport.ContentType(f), ExportEvaluationReport.FileName(year, f));
    }
}
