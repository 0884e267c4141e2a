using Tmssw.Core.Editions;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// An edition's evaluation report, as the page, the PDF, the XLSX and the JSON contract
/// (docs/formats/evaluation-report.md) show it. Every number that comes from survey answers is
/// already suppressed where small (<see cref="SmallCells"/>).
/// </summary>
public sealed record EvaluationReport(
    int Year,
    string Title,
    int ParticipantCount,
    IReadOnlyList<SurveyRate> Surveys,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<PairResult> Pairs,
    string PairMethod,
    IReadOnlyList<ConnectionsResult> Connections,
    IReadOnlyList<ThemeAnswers> FreeText,
    ParticipationTables Participation,
    IReadOnlyList<IndicatorResult> Indicators)
{
    /// <summary>The end-of-program survey's response rate (the first such survey), null without one.</summary>
    public double? EndOfProgramResponseRate => Surveys.FirstOrDefault(s => s.Kind == ReportSurveyKinds.EndOfProgram)?.ResponseRate;
}

/// <summary>The survey kinds as the report and the JSON contract name them.</summary>
public static class ReportSurveyKinds
{
    public const string PreProgram = "pre-program";
    public const string EndOfProgram = "end-of-program";
    public const string AlumniYear1 = "alumni-1y";
    public const string AlumniYear3 = "alumni-3y";
    public const string AlumniYear5 = "alumni-5y";
    public const string HostCommunity = "host-community";
}

/// <summary>One survey's response rate: responded (completed answers) over invited (personal links issued).</summary>
public sealed record SurveyRate(int Id, string Kind, string Title, int Invited, int Responded, double ResponseRate);

/// <summary>What served an objective: a city meeting, a program item or a conference session, and whom it reached.</summary>
public sealed record ServedBy(string Kind, int Id, string Title, string? Where, int ParticipantsReached, string Basis);

/// <summary>
/// One objective: what served it, how many distinct participants those reached together (a program
/// fact, not a survey answer, so not suppressed), and the survey questions asked about it.
/// </summary>
public sealed record ObjectiveResult(int Number, string Text, IReadOnlyList<ServedBy> ServedBy, int ParticipantsReached, IReadOnlyList<QuestionResult> Questions);

/// <summary>A closed question's answers: how many answered, the mean (Likert and number, from 5 answers on) and the distribution (suppressed).</summary>
public sealed record QuestionResult(int QuestionId, string Survey, string Text, string Type, int N, double? Mean, ShownTable Distribution);

/// <summary>A paired before/after question's shift; the numbers are null (suppressed) under 5 pairs.</summary>
public sealed record PairResult(string Question, int? Objective, int N, double? MeanBefore, double? MeanAfter, double? Shift, double? CiLow, double? CiHigh)
{
    public bool Suppressed => Shift is null;
}

/// <summary>
/// New professional connections, per question that asks for their number: how many answered, how many
/// reported at least one (suppressed with its complement when either is under 5), the total and the mean (from 5 answers).
/// </summary>
public sealed record ConnectionsResult(string Survey, string Question, int Answered, int? ReportedAny, int? TotalConnections, double? MeanPerRespondent);

/// <summary>Participation by region, country, sector and gender (counted participants), each protected against its total.</summary>
public sealed record ParticipationTables(ShownTable Region, ShownTable Country, ShownTable Sector, ShownTable Gender);

/// <summary>A performance indicator with its actual from the data: met when the actual reaches the target; null when there is nothing to measure yet.</summary>
public sealed record IndicatorResult(int Id, int Number, string Text, string Measure, double Target, double? Actual, int N, bool? Met, string Basis);
