using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Evaluation;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /manage/{year}/surveys/{id}: the survey builder (Admin and the edition's Staff): the survey's title,
/// introduction, window and anonymity; its questions (Likert 5, single and multiple choice, number, free
/// text), each with its texts in the six languages, an objective, a theme, what it measures and a pair key
/// for a question asked before and after. A failed form keeps what was typed and names each problem.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class BuilderModel(CurrentUser current, GetSurveyBuilder get, SaveSurvey saveSurvey, SaveSurveyQuestion saveQuestion, RemoveSurveyQuestion remove) : EditionPage(current)
{
    public SurveyBuilderView View { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>Which form the errors belong to: "survey" or "question".</summary>
    public string? ErrorsFor { get; private set; }

    [BindProperty]
    public SurveyForm SurveyInput { get; set; } = new();

    [BindProperty]
    public QuestionForm QuestionInput { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, int survey, int? edit, CancellationToken ct)
    {
        if (await PrepareAsync(year, survey, ct) is { } refused)
        {
            return refused;
        }

        SurveyInput = SurveyForm.Of(View.Survey);
        if (edit is { } qid && View.Survey.Questions.FirstOrDefault(q => q.Id == qid) is { } q)
        {
            QuestionInput = QuestionForm.Of(q);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSurveyAsync(int year, int survey, CancellationToken ct)
    {
        if (await PrepareAsync(year, survey, ct) is { } refused)
        {
            return refused;
        }

        var f = SurveyInput;
        var errors = new Dictionary<string, string>();
        var opens = Day(f.Opens, nameof(SurveyForm.Opens), errors);
        var closes = Day(f.Closes, nameof(SurveyForm.Closes), errors);
        if (errors.Count == 0)
        {
            var (_, saveErrors) = await saveSurvey.RunAsync(Scope, year, new SurveyInput(survey, f.Kind, f.Anonymous, f.Title, f.Intro, opens, closes), ct);
            errors = new Dictionary<string, string>(saveErrors);
        }

        if (errors.Count == 0)
        {
            Notice = "Survey saved.";
            return Redirect($"/manage/{year}/surveys/{survey}");
        }

        (Errors, ErrorsFor) = (errors, "survey");
        return Page();
    }

    public async Task<IActionResult> OnPostQuestionAsync(int year, int survey, CancellationToken ct)
    {
        if (await PrepareAsync(year, survey, ct) is { } refused)
        {
            return refused;
        }

        SurveyInput = SurveyForm.Of(View.Survey);
        var f = QuestionInput;
        var errors = new Dictionary<string, string>();
        var min = Number(f.Min, nameof(QuestionForm.Min), errors);
        var max = Number(f.Max, nameof(QuestionForm.Max), errors);
        if (errors.Count == 0)
        {
            var (_, saveErrors) = await saveQuestion.RunAsync(Scope, year, survey, new QuestionInput(
                f.Id, f.Type, f.Text, f.Choices, f.Required, f.Order, f.ObjectiveNumber, f.Theme, f.Measure, f.PairKey, min, max), ct);
            errors = new Dictionary<string, string>(saveErrors);
        }

        if (errors.Count == 0)
        {
            Notice = "Question saved.";
            return Redirect($"/manage/{year}/surveys/{survey}#questions");
        }

        (Errors, ErrorsFor) = (errors, "question");
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int year, int survey, int question, CancellationToken ct)
    {
        if (await PrepareAsync(year, survey, ct) is { } refused)
        {
            return refused;
        }

        var result = await remove.RunAsync(Scope, year, survey, question, ct);
        Notice = result.Succeeded ? "Question removed." : result.Error;
        return Redirect($"/manage/{year}/surveys/{survey}#questions");
    }

    private async Task<IActionResult?> PrepareAsync(int year, int survey, CancellationToken ct)
    {
        if (await LoadAsync(year, true, ct) is { } refused)
        {
            return refused;
        }

        View = await get.RunAsync(Scope, year, survey, ct);
        return null;
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = $"{field}: give a day as YYYY-MM-DD.";
        return null;
    }

    private static decimal? Number(string? text, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length <= 20 && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 1_000_000_000m)
        {
            return value;
        }

        errors[field] = $"{field}: give a number (e.g. 0 or 200).";
        return null;
    }

    public sealed class SurveyForm
    {
        public string? Kind { get; set; }
        public bool Anonymous { get; set; }
        public Dictionary<string, string?> Title { get; set; } = [];
        public Dictionary<string, string?> Intro { get; set; } = [];
        public string? Opens { get; set; }
        public string? Closes { get; set; }

        public static SurveyForm Of(Survey s) => new()
        {
            Kind = s.Kind.ToString(),
            Anonymous = s.Anonymous,
            Title = TravellerText.Languages.ToDictionary(l => l, l => s.Title.Has(l) ? s.Title.For(l) : null),
            Intro = TravellerText.Languages.ToDictionary(l => l, l => s.Intro.Has(l) ? s.Intro.For(l) : null),
            Opens = s.OpensAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Closes = s.ClosesAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    public sealed class QuestionForm
    {
        public int? Id { get; set; }
        public string? Type { get; set; } = nameof(QuestionType.Likert5);
        public Dictionary<string, string?> Text { get; set; } = [];
        public Dictionary<string, string?> Choices { get; set; } = [];
        public bool Required { get; set; }
        public int? Order { get; set; }
        public int? ObjectiveNumber { get; set; }
        public string? Theme { get; set; }
        public string? Measure { get; set; }
        public string? PairKey { get; set; }
        public string? Min { get; set; }
        public string? Max { get; set; }

        public static QuestionForm Of(SurveyQuestion q) => new()
        {
            Id = q.Id,
            Type = q.Type.ToString(),
            Text = TravellerText.Languages.ToDictionary(l => l, l => q.Text.Has(l) ? q.Text.For(l) : null),
            Choices = TravellerText.Languages.ToDictionary(l => l, l => q.Choices.All(c => c.Text.Has(l)) && q.Choices.Count > 0
                ? string.Join("\n", q.Choices.Select(c => c.Text.For(l))) : null),
            Required = q.Required,
            Order = q.Order,
            ObjectiveNumber = q.ObjectiveNumber,
            Theme = q.Theme,
            Measure = q.Measure.ToString(),
            PairKey = q.PairKey,
            Min = q.Min?.ToString("0.####", CultureInfo.InvariantCulture),
            Max = q.Max?.ToString("0.####", CultureInfo.InvariantCulture),
        };
    }
}
