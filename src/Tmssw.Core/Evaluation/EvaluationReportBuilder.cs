using System.Globalization;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Evaluation;

/// <summary>A counted participant, as the report needs them: who, their group and the facts participation is counted by.</summary>
public sealed record ReportParticipant(int Id, int? GroupId, string Region, string Country, string Sector, string Gender);

/// <summary>Something that served objectives (meeting, program item, conference session) and the participants it reached.</summary>
public sealed record ReportServer(string Kind, int Id, string Title, string? Where, IReadOnlyList<int> Objectives, IReadOnlySet<int> Reached, string Basis);

/// <summary>Everything the report is computed from, loaded by <see cref="GetEvaluationReport"/>.</summary>
public sealed record ReportInput(
    int Year,
    string Title,
    IReadOnlyList<(int Number, string Text)> Objectives,
    IReadOnlyList<ReportParticipant> Participants,
    IReadOnlyList<ReportServer> Servers,
    IReadOnlyList<Survey> Surveys,
    IReadOnlyDictionary<int, int> InvitedBySurvey,
    IReadOnlyList<SurveyResponse> SubmittedResponses,
    IReadOnlyList<PerformanceIndicator> Indicators);

/// <summary>
/// The evaluation report from its inputs: a pure function (no database), so every number can be
/// checked against the raw answers. Only submitted responses count. Suppression by <see cref="SmallCells"/>.
/// </summary>
public static class EvaluationReportBuilder
{
    public static string KindName(SurveyKind kind) => kind switch
    {
        SurveyKind.PreProgram => ReportSurveyKinds.PreProgram,
        SurveyKind.EndOfProgram => ReportSurveyKinds.EndOfProgram,
        SurveyKind.AlumniYear1 => ReportSurveyKinds.AlumniYear1,
        SurveyKind.AlumniYear3 => ReportSurveyKinds.AlumniYear3,
        SurveyKind.AlumniYear5 => ReportSurveyKinds.AlumniYear5,
        _ => ReportSurveyKinds.HostCommunity,
    };

    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Likert5 => "likert5",
        QuestionType.SingleChoice => "single-choice",
        QuestionType.MultipleChoice => "multiple-choice",
        QuestionType.Number => "number",
        _ => "free-text",
    };

    public static EvaluationReport Build(ReportInput input)
    {
        var surveys = input.Surveys.OrderBy(s => s.Kind).ThenBy(s => s.Id).ToList();
        var responsesBySurvey = input.SubmittedResponses.ToLookup(r => r.SurveyId);
        var questionSurvey = surveys.SelectMany(s => s.Questions.Select(q => (q, s))).ToDictionary(x => x.q.Id, x => x.s);

        var rates = surveys.Select(s =>
        {
            var invited = input.InvitedBySurvey.GetValueOrDefault(s.Id);
            var responded = responsesBySurvey[s.Id].Count();
            return new SurveyRate(s.Id, KindName(s.Kind), s.Title.En, invited, responded, ReportStatistics.ResponseRate(invited, responded));
        }).ToList();

        var answersByQuestion = input.SubmittedResponses.SelectMany(r => r.Answers.Select(a => (r, a))).ToLookup(x => x.a.QuestionId);
        var pairs = Pairs(surveys, responsesBySurvey);

        var objectives = input.Objectives.OrderBy(o => o.Number).Select(o =>
        {
            var served = input.Servers.Where(s => s.Objectives.Contains(o.Number))
                .OrderBy(s => KindOrder(s.Kind)).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.Id)
                .Select(s => new ServedBy(s.Kind, s.Id, s.Title, s.Where, s.Reached.Count, s.Basis)).ToList();
            var reached = input.Servers.Where(s => s.Objectives.Contains(o.Number)).SelectMany(s => s.Reached).Distinct().Count();
            var questions = surveys.SelectMany(s => s.Questions.OrderBy(q => q.Order))
                .Where(q => q.ObjectiveNumber == o.Number && q.Type != QuestionType.FreeText)
                .Select(q => Question(q, questionSurvey[q.Id], answersByQuestion[q.Id].Select(x => x.a).ToList()))
                .ToList();
            return new ObjectiveResult(o.Number, o.Text, served, reached, questions);
        }).ToList();

        var connections = surveys.SelectMany(s => s.Questions.OrderBy(q => q.Order).Select(q => (s, q)))
            .Where(x => x.q.Measure == QuestionMeasure.NewConnections && x.q.Type == QuestionType.Number)
            .Select(x => Connections(x.s, x.q, answersByQuestion[x.q.Id].Select(a => a.a).ToList()))
            .ToList();

        var freeText = FreeTextThemes.Group(input.SubmittedResponses.SelectMany(r => r.Answers)
            .Where(a => questionSurvey.ContainsKey(a.QuestionId))
            .Select(a =>
            {
                var q = questionSurvey[a.QuestionId].Questions.First(x => x.Id == a.QuestionId);
                return (a.Theme ?? (q.Theme is null ? null : Themes.NameOf(q.Theme)), q.Type == QuestionType.FreeText ? a.Text : null);
            }));

        var participation = Participation(input.Participants);
        var indicators = input.Indicators.OrderBy(i => i.Number).ThenBy(i => i.Id)
            .Select(i => Indicator(i, input, rates, surveys, answersByQuestion, pairs)).ToList();

        return new EvaluationReport(input.Year, input.Title, input.Participants.Count, rates, objectives,
            pairs.Select(p => p.Result).ToList(), ReportStatistics.PairedMethod, connections, freeText, participation, indicators);
    }

    private static int KindOrder(string kind) => kind switch { "meeting" => 0, "item" => 1, _ => 2 };

    private static QuestionResult Question(SurveyQuestion q, Survey survey, List<SurveyAnswer> answers)
    {
        var n = answers.Count;
        double? mean = null;
        var cells = new List<(string, int)>();
        switch (q.Type)
        {
            case QuestionType.Likert5:
                var numbers = answers.Where(a => a.Number is not null).Select(a => (double)a.Number!.Value).ToList();
                n = numbers.Count;
                mean = SmallCells.MayShow(n) ? ReportStatistics.Mean(numbers) : null;
                for (var point = 1; point <= 5; point++)
                {
                    var label = q.Choices.FirstOrDefault(c => c.Order == point)?.Text.En;
                    var key = string.IsNullOrWhiteSpace(label) ? point.ToString(CultureInfo.InvariantCulture) : $"{point} {label}";
                    cells.Add((key, numbers.Count(x => (int)Math.Round(x) == point)));
                }

                break;
            case QuestionType.Number:
                var values = answers.Where(a => a.Number is not null).Select(a => (double)a.Number!.Value).ToList();
                n = values.Count;
                mean = SmallCells.MayShow(n) ? ReportStatistics.Mean(values) : null;
                break;
            case QuestionType.SingleChoice:
            case QuestionType.MultipleChoice:
                n = answers.Count(a => a.ChoiceIds.Count > 0);
                cells.AddRange(q.Choices.OrderBy(c => c.Order).Select(c => (c.Text.En, answers.Count(a => a.ChoiceIds.Contains(c.Id)))));
                break;
        }

        return new QuestionResult(q.Id, KindName(survey.Kind), q.Text.En, TypeName(q.Type), n, mean, SmallCells.Suppress(cells));
    }

    /// <summary>A paired question: its key, the objective and the raw pairs (respondents who answered both halves).</summary>
    internal sealed record Pair(string Key, int? Objective, IReadOnlyList<(double Before, double After)> Values, PairResult Result);

    private static List<Pair> Pairs(List<Survey> surveys, ILookup<int, SurveyResponse> responses)
    {
        var before = surveys.Where(s => s.Kind == SurveyKind.PreProgram).SelectMany(s => s.Questions.Select(q => (s, q))).Where(x => x.q.PairKey is not null).ToList();
        var after = surveys.Where(s => s.Kind == SurveyKind.EndOfProgram).SelectMany(s => s.Questions.Select(q => (s, q))).Where(x => x.q.PairKey is not null).ToList();
        var result = new List<Pair>();
        foreach (var (afterSurvey, afterQ) in after.OrderBy(x => x.q.Order))
        {
            var match = before.FirstOrDefault(b => b.q.PairKey == afterQ.PairKey);
            if (match.q is null)
            {
                continue;
            }

            Dictionary<string, double> Values(Survey s, SurveyQuestion q) => responses[s.Id]
                .Select(r => (r.RespondentKey, Answer: r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Number))
                .Where(x => x.Answer is not null)
                .GroupBy(x => x.RespondentKey).ToDictionary(g => g.Key, g => (double)g.First().Answer!.Value, StringComparer.Ordinal);
            var b = Values(match.s, match.q);
            var a = Values(afterSurvey, afterQ);
            var values = a.Keys.Where(b.ContainsKey).Order(StringComparer.Ordinal).Select(k => (b[k], a[k])).ToList();
            var shift = ReportStatistics.Paired(values);
            var shown = SmallCells.MayShow(shift.N);
            var objective = afterQ.ObjectiveNumber ?? match.q.ObjectiveNumber;
            result.Add(new Pair(afterQ.PairKey!, objective, values, new PairResult(afterQ.Text.En, objective, shift.N,
                shown ? shift.MeanBefore : null, shown ? shift.MeanAfter : null, shown ? shift.Shift : null,
                shown ? shift.CiLow : null, shown ? shift.CiHigh : null)));
        }

        return result;
    }

    private static ConnectionsResult Connections(Survey s, SurveyQuestion q, List<SurveyAnswer> answers)
    {
        var values = answers.Where(a => a.Number is not null).Select(a => a.Number!.Value).ToList();
        var table = SmallCells.Suppress([("none", values.Count(v => v <= 0)), ("at least one", values.Count(v => v > 0))]);
        var show = SmallCells.MayShow(values.Count);
        return new ConnectionsResult(KindName(s.Kind), q.Text.En, values.Count, table.Cells[1].Count,
            show ? (int)values.Sum() : null, show ? (double)values.Average() : null);
    }

    private static ParticipationTables Participation(IReadOnlyList<ReportParticipant> people)
    {
        static List<(string, int)> By(IEnumerable<ReportParticipant> ps, Func<ReportParticipant, string> key, Func<string, string> name) =>
            ps.GroupBy(key, StringComparer.Ordinal).Select(g => (name(g.Key), g.Count()))
                .OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
        var countries = people.GroupBy(p => (p.Country, p.Region))
            .Select(g => (Countries.FindByCode(g.Key.Country)?.Name ?? g.Key.Country, g.Key.Region, g.Count()))
            .OrderByDescending(x => x.Item3).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
        return new ParticipationTables(
            SmallCells.Suppress(By(people, p => p.Region, r => string.IsNullOrEmpty(r) ? "(unknown)" : r)),
            SmallCells.SuppressWithin(countries),
            SmallCells.Suppress(By(people, p => p.Sector, s => Sectors.NameOf(s))),
            SmallCells.Suppress(By(people, p => p.Gender, g => g switch { "F" => "Women", "M" => "Men", "X" => "Another or not stated", _ => "(unknown)" })));
    }

    private static IndicatorResult Indicator(PerformanceIndicator i, ReportInput input, List<SurveyRate> rates, List<Survey> surveys,
        ILookup<int, (SurveyResponse r, SurveyAnswer a)> answers, List<Pair> pairs)
    {
        (double? Actual, int N, string Basis) Share(int count, int n, string what) =>
            SmallCells.MayShow(n) ? (100.0 * count / n, n, $"{what} (n = {n})") : (null, n, $"{what}: fewer than {SmallCells.Threshold} answers, not shown");

        var (actual, n, basis) = i.Measure switch
        {
            IndicatorMeasure.AgreeShare when i.QuestionId is { } q => Share(
                answers[q].Count(x => x.a.Number >= 4), answers[q].Count(x => x.a.Number is not null), "answers of 4 or 5"),
            IndicatorMeasure.AnyShare when i.QuestionId is { } q => Share(
                answers[q].Count(x => x.a.Number > 0), answers[q].Count(x => x.a.Number is not null), "answers above zero"),
            IndicatorMeasure.ImprovedShare when pairs.FirstOrDefault(p => p.Key == i.PairKey) is { } pair => Share(
                pair.Values.Count(v => v.After > v.Before), pair.Values.Count, "respondents whose after answer is above their before answer"),
            IndicatorMeasure.ResponseRate when surveys.FirstOrDefault(s => s.Kind == i.SurveyKind) is { } s =>
                rates.First(r => r.Id == s.Id) is var rate && rate.Invited > 0
                    ? (100.0 * rate.ResponseRate, rate.Invited, $"{rate.Responded} of {rate.Invited} invited responded")
                    : ((double?)null, 0, "nobody invited yet"),
            IndicatorMeasure.ReachedShare when i.ObjectiveNumber is { } o && input.Participants.Count > 0 => (
                100.0 * input.Servers.Where(s => s.Objectives.Contains(o)).SelectMany(s => s.Reached).Distinct().Count() / input.Participants.Count,
                input.Participants.Count, $"participants reached by what served objective {o}"),
            _ => ((double?)null, 0, "nothing to measure yet"),
        };
        var target = (double)i.TargetPercent;
        return new IndicatorResult(i.Id, i.Number, i.Text, i.Measure.ToString(), target, actual, n, actual is { } a ? a >= target - 1e-9 : null, basis);
    }
}
