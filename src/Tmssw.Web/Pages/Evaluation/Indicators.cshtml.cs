using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Evaluation;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /manage/{year}/evaluation/indicators: the edition's performance monitoring plan. Staff add, change
/// and remove indicators (text, measure, target, what it measures); a refused form keeps what was typed
/// and names each field in error. Admin and the edition's Staff.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndicatorsModel(CurrentUser current, ListIndicators list, SaveIndicator save) : EditionPage(current)
{
    public sealed class IndicatorInput
    {
        public int? Id { get; set; }
        public string? Text { get; set; }
        public string? Measure { get; set; }
        public string? Target { get; set; }
        public string? QuestionId { get; set; }
        public string? PairKey { get; set; }
        public string? SurveyKind { get; set; }
        public string? ObjectiveNumber { get; set; }
    }

    public IndicatorPlan Plan { get; private set; } = null!;

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IReadOnlyList<(string Field, string Message)> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    public async Task<IActionResult> OnGetAsync(int year, int? edit, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        Plan = await list.RunAsync(Scope, year, ct);
        if (edit is { } id && Plan.Indicators.FirstOrDefault(i => i.Id == id) is { } i)
        {
            Input = new IndicatorInput
            {
                Id = i.Id,
                Text = i.Text,
                Measure = i.Measure.ToString(),
                Target = i.TargetPercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                QuestionId = i.QuestionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                PairKey = i.PairKey,
                SurveyKind = i.SurveyKind?.ToString(),
                ObjectiveNumber = i.ObjectiveNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await save.RunAsync(Scope, year, new IndicatorForm(Input.Id, Input.Text, Input.Measure, Input.Target, Input.QuestionId, Input.PairKey, Input.SurveyKind, Input.ObjectiveNumber), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            Plan = await list.RunAsync(Scope, year, ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Message = Input.Id is null ? "Indicator added." : "Indicator saved.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int year, int id, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: true, ct) is { } refused)
        {
            return refused;
        }

        await save.DeleteAsync(Scope, year, id, ct);
        Message = "Indicator removed.";
        return RedirectToPage(new { year });
    }
}
