using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// The evaluation report as JSON, the contract of docs/formats/evaluation-report.md
/// (format "tmssw-evaluation-report", version 1): camelCase names, rates as fractions and means
/// rounded to 4 decimals, a suppressed number as null.
/// </summary>
public static class EvaluationReportJson
{
    public const string Format = "tmssw-evaluation-report";
    public const int Version = 1;

    public static JsonObject ToJson(EvaluationReport r) => new()
    {
        ["format"] = Format,
        ["version"] = Version,
        ["edition"] = r.Year,
        ["title"] = r.Title,
        ["participants"] = r.ParticipantCount,
        ["suppressionThreshold"] = SmallCells.Threshold,
        ["pairMethod"] = r.PairMethod,
        ["surveys"] = Array(r.Surveys, s => new JsonObject
        {
            ["id"] = s.Id,
            ["kind"] = s.Kind,
            ["title"] = s.Title,
            ["invited"] = s.Invited,
            ["responded"] = s.Responded,
            ["responseRate"] = Round(s.ResponseRate),
        }),
        ["objectives"] = Array(r.Objectives, o => new JsonObject
        {
            ["number"] = o.Number,
            ["text"] = o.Text,
            ["servedBy"] = Array(o.ServedBy, s => new JsonObject
            {
                ["kind"] = s.Kind,
                ["id"] = s.Id,
                ["title"] = s.Title,
                ["where"] = s.Where,
                ["participantsReached"] = s.ParticipantsReached,
                ["basis"] = s.Basis,
            }),
            ["participantsReached"] = o.ParticipantsReached,
            ["questions"] = Array(o.Questions, q => new JsonObject
            {
                ["questionId"] = q.QuestionId,
                ["survey"] = q.Survey,
                ["text"] = q.Text,
                ["type"] = q.Type,
                ["n"] = q.N,
                ["mean"] = Round(q.Mean),
                ["distribution"] = Table(q.Distribution),
            }),
        }),
        ["pairs"] = Array(r.Pairs, p => new JsonObject
        {
            ["question"] = p.Question,
            ["objective"] = p.Objective,
            ["n"] = p.N,
            ["meanBefore"] = Round(p.MeanBefore),
            ["meanAfter"] = Round(p.MeanAfter),
            ["shift"] = Round(p.Shift),
            ["ciLow"] = Round(p.CiLow),
            ["ciHigh"] = Round(p.CiHigh),
            ["suppressed"] = p.Suppressed,
        }),
        ["connections"] = Array(r.Connections, c => new JsonObject
        {
            ["survey"] = c.Survey,
            ["question"] = c.Question,
            ["answered"] = c.Answered,
            ["reportedAny"] = c.ReportedAny,
            ["total"] = c.TotalConnections,
            ["meanPerRespondent"] = Round(c.MeanPerRespondent),
        }),
        ["freeText"] = Array(r.FreeText, t => new JsonObject
        {
            ["theme"] = t.Theme,
            ["count"] = t.Count,
            ["answers"] = t.Answers is null ? null : new JsonArray([.. t.Answers.Select(a => JsonValue.Create(a))]),
        }),
        ["participation"] = new JsonObject
        {
            ["region"] = Table(r.Participation.Region),
            ["country"] = Table(r.Participation.Country),
            ["sector"] = Table(r.Participation.Sector),
            ["gender"] = Table(r.Participation.Gender),
        },
        ["indicators"] = Array(r.Indicators, i => new JsonObject
        {
            ["number"] = i.Number,
            ["text"] = i.Text,
            ["measure"] = i.Measure,
            ["targetPercent"] = i.Target,
            ["actualPercent"] = Round(i.Actual),
            ["n"] = i.N,
            ["met"] = i.Met,
            ["basis"] = i.Basis,
        }),
    };

    public static string Write(EvaluationReport report) =>
        ToJson(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject Table(ShownTable t) => new()
    {
        ["total"] = t.Total,
        ["cells"] = Array(t.Cells, c => new JsonObject { ["key"] = c.Key, ["count"] = c.Count, ["suppressed"] = c.Suppressed }),
    };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> map) => new([.. items.Select(map)]);

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
