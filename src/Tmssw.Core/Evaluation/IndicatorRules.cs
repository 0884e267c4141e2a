using System.Globalization;

namespace Tmssw.Core.Evaluation;

/// <summary>An indicator as a form or the API sends it: all text, checked by <see cref="IndicatorRules.Check"/>.</summary>
public sealed record IndicatorForm(int? Id, string? Text, string? Measure, string? Target, string? QuestionId, string? PairKey, string? SurveyKind, string? ObjectiveNumber);

/// <summary>What an indicator may point at in its edition (for the form's choices and for checking).</summary>
public sealed record IndicatorTargets(
    IReadOnlyList<(int Id, string Label, QuestionType Type)> Questions,
    IReadOnlyList<string> PairKeys,
    IReadOnlyList<SurveyKind> SurveyKinds,
    IReadOnlyList<(int Number, string Text)> Objectives);

/// <summary>The rules an indicator obeys: a text, a measure, a target from 0 to 100, and what its measure needs.</summary>
public static class IndicatorRules
{
    public const int TextMax = 300;

    /// <summary>The indicator, or the errors: each names the field and says what to do.</summary>
    public static (PerformanceIndicator? Indicator, IReadOnlyList<(string Field, string Message)> Errors) Check(IndicatorForm form, IndicatorTargets targets)
    {
        var errors = new List<(string, string)>();
        var text = (form.Text ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(("Text", "Say what the indicator measures, e.g. \"80% report new knowledge of U.S. multijurisdictional task forces\"."));
        }
        else if (text.Length > TextMax)
        {
            errors.Add(("Text", $"The text is {text.Length} characters; keep it to {TextMax}."));
        }

        if (!Enum.TryParse<IndicatorMeasure>(form.Measure, ignoreCase: false, out var measure) || !Enum.IsDefined(measure))
        {
            errors.Add(("Measure", $"Choose a measure: {string.Join(", ", Enum.GetNames<IndicatorMeasure>())}."));
        }

        var targetText = (form.Target ?? "").Trim().TrimEnd('%').Trim();
        if (!decimal.TryParse(targetText, NumberStyles.Number, CultureInfo.InvariantCulture, out var target) || target < 0 || target > 100)
        {
            errors.Add(("Target", $"The target \"{form.Target}\" is not a percentage from 0 to 100."));
        }

        var indicator = new PerformanceIndicator { Text = text, Measure = measure, TargetPercent = Math.Round(target, 2) };
        if (errors.Count == 0)
        {
            switch (measure)
            {
                case IndicatorMeasure.AgreeShare or IndicatorMeasure.AnyShare:
                    var wanted = measure == IndicatorMeasure.AgreeShare ? QuestionType.Likert5 : QuestionType.Number;
                    if (!int.TryParse(form.QuestionId, NumberStyles.None, CultureInfo.InvariantCulture, out var q) || !targets.Questions.Any(x => x.Id == q && x.Type == wanted))
                    {
                        errors.Add(("QuestionId", $"Choose a {(wanted == QuestionType.Likert5 ? "Likert" : "number")} question of this edition's surveys."));
                    }

                    indicator.QuestionId = q;
                    break;
                case IndicatorMeasure.ImprovedShare:
                    var key = (form.PairKey ?? "").Trim();
                    if (!targets.PairKeys.Contains(key, StringComparer.Ordinal))
                    {
                        errors.Add(("PairKey", "Choose a question asked before and after the program (its pair key)."));
                    }

                    indicator.PairKey = key;
                    break;
                case IndicatorMeasure.ResponseRate:
                    if (!Enum.TryParse<SurveyKind>(form.SurveyKind, ignoreCase: false, out var kind) || !targets.SurveyKinds.Contains(kind))
                    {
                        errors.Add(("SurveyKind", "Choose a survey this edition has."));
                    }

                    indicator.SurveyKind = kind;
                    break;
                case IndicatorMeasure.ReachedShare:
                    if (!int.TryParse(form.ObjectiveNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var o) || !targets.Objectives.Any(x => x.Number == o))
                    {
                        errors.Add(("ObjectiveNumber", "Choose one of the edition's objectives."));
                    }

                    indicator.ObjectiveNumber = o;
                    break;
            }
        }

        return errors.Count == 0 ? (indicator, errors) : (null, errors);
    }
}
