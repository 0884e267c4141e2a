namespace Tmssw.Core.Evaluation;

/// <summary>How an indicator's actual is taken from the data.</summary>
public enum IndicatorMeasure
{
    /// <summary>Share of a Likert question's answers that are 4 or 5 (agree, strongly agree); needs <see cref="PerformanceIndicator.QuestionId"/>.</summary>
    AgreeShare,

    /// <summary>Share of respondents whose "after" answer is above their "before" answer; needs <see cref="PerformanceIndicator.PairKey"/>.</summary>
    ImprovedShare,

    /// <summary>A survey's response rate; needs <see cref="PerformanceIndicator.SurveyKind"/> (the edition's first survey of that kind).</summary>
    ResponseRate,

    /// <summary>Share of the edition's participants reached by something serving an objective; needs <see cref="PerformanceIndicator.ObjectiveNumber"/>.</summary>
    ReachedShare,

    /// <summary>Share of a number question's answers above zero (e.g. new professional connections); needs <see cref="PerformanceIndicator.QuestionId"/>.</summary>
    AnyShare,
}

/// <summary>
/// One line of an edition's performance monitoring plan: "80% report new knowledge of U.S.
/// multijurisdictional task forces": what is measured, how (<see cref="Measure"/> and what it points
/// at), and the target as a percentage. The actual is never stored: the report computes it from the data.
/// </summary>
public sealed class PerformanceIndicator
{
    public int Id { get; set; }
    public int EditionId { get; set; }

    /// <summary>Order in the plan, from 1.</summary>
    public int Number { get; set; }

    public string Text { get; set; } = "";
    public IndicatorMeasure Measure { get; set; }

    /// <summary>The target, a percentage from 0 to 100: met when the actual is at least this.</summary>
    public decimal TargetPercent { get; set; }

    public int? QuestionId { get; set; }
    public string? PairKey { get; set; }
    public SurveyKind? SurveyKind { get; set; }
    public int? ObjectiveNumber { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
