using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

public sealed record IndicatorPlan(int Year, IReadOnlyList<PerformanceIndicator> Indicators, IndicatorTargets Targets);

/// <summary>An edition's performance indicators and what they may point at (for the editing page). Its runners only.</summary>
public sealed class ListIndicators(TmsswDbContext db)
{
    public async Task<IndicatorPlan> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year, ct)
            ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditIndicators(edition.Id))
        {
            throw new OutOfScopeException($"the indicators of edition {year}");
        }

        var indicators = await db.PerformanceIndicators.AsNoTracking().Where(i => i.EditionId == edition.Id)
            .OrderBy(i => i.Number).ThenBy(i => i.Id).ToListAsync(ct);
        return new IndicatorPlan(year, indicators, await TargetsAsync(db, edition.Id, edition.Objectives.OrderBy(o => o.Number).Select(o => (o.Number, o.Text)).ToList(), ct));
    }

    internal static async Task<IndicatorTargets> TargetsAsync(TmsswDbContext db, int editionId, IReadOnlyList<(int, string)> objectives, CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.EditionId == editionId).Include(s => s.Questions).OrderBy(s => s.Kind).ThenBy(s => s.Id).ToListAsync(ct);
        var questions = surveys.SelectMany(s => s.Questions.OrderBy(q => q.Order)
                .Where(q => q.Type is QuestionType.Likert5 or QuestionType.Number)
                .Select(q => (q.Id, $"{EvaluationReportBuilder.KindName(s.Kind)} · {q.Text.En}", q.Type)))
            .ToList();
        var pairKeys = surveys.SelectMany(s => s.Questions).Where(q => q.PairKey is not null).Select(q => q.PairKey!).Distinct().Order(StringComparer.Ordinal).ToList();
        return new IndicatorTargets(questions, pairKeys, surveys.Select(s => s.Kind).Distinct().ToList(), objectives);
    }
}
