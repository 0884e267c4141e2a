using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Evaluation;

namespace Tmssw.Core.Demo;

/// <summary>
/// The 2024 performance monitoring plan: five indicators pointing at the demo surveys' questions
/// (<see cref="DemoEvaluation"/>), so the report shows targets met and not met on the first start.
/// Added once (skipped when the edition has indicators).
/// </summary>
internal static class DemoIndicators
{
    public static async Task AddAsync(TmsswDbContext db, int editionId, TimeProvider clock, CancellationToken ct)
    {
        if (await db.PerformanceIndicators.AnyAsync(i => i.EditionId == editionId, ct))
        {
            return;
        }

        var questions = await db.Surveys.Where(s => s.EditionId == editionId && s.Kind == SurveyKind.EndOfProgram)
            .SelectMany(s => s.Questions).ToListAsync(ct);
        var satisfaction = questions.FirstOrDefault(q => q.Measure == QuestionMeasure.Satisfaction && q.Type == QuestionType.Likert5);
        var contacts = questions.FirstOrDefault(q => q.Measure == QuestionMeasure.NewConnections && q.Type == QuestionType.Number);
        var now = clock.GetUtcNow();
        var number = 1;
        PerformanceIndicator New(string text, IndicatorMeasure measure, decimal target) => new()
        {
            EditionId = editionId, Number = number++, Text = text, Measure = measure, TargetPercent = target, UpdatedAt = now, UpdatedBy = LoadDemo.Actor,
        };
        var plan = new List<PerformanceIndicator>
        {
            New("80% report new knowledge of U.S. multijurisdictional task forces (after above before)", IndicatorMeasure.ImprovedShare, 80),
            New("75% of participants answer the end-of-program survey", IndicatorMeasure.ResponseRate, 75),
        };
        plan[0].PairKey = "knowledge-task-forces";
        plan[1].SurveyKind = SurveyKind.EndOfProgram;
        if (satisfaction is not null)
        {
            var p = New("90% find the program useful for their work (4 or 5 of 5)", IndicatorMeasure.AgreeShare, 90);
            p.QuestionId = satisfaction.Id;
            plan.Add(p);
        }

        if (contacts is not null)
        {
            var p = New("85% report at least one new professional contact they expect to keep", IndicatorMeasure.AnyShare, 85);
            p.QuestionId = contacts.Id;
            plan.Add(p);
        }

        var reach = New("Every participant reached by a meeting, item or session on task forces and information sharing (objective 2)", IndicatorMeasure.ReachedShare, 100);
        reach.ObjectiveNumber = 2;
        plan.Add(reach);
        db.PerformanceIndicators.AddRange(plan);
        await db.SaveChangesAsync(ct);
    }
}
