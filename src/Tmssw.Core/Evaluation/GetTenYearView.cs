using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Evaluation;

/// <summary>A figure someone published, with its source.</summary>
public sealed record SourcedFigure(string Text, int Value, string Source, bool ReportedAfter);

/// <summary>One measure of one year: the figures published about it (each with its source) and the figure counted from the records (null: not on file).</summary>
public sealed record FigureComparison(FigureMetric Metric, IReadOnlyList<SourcedFigure> Published, int? Counted);

/// <summary>What a year achieved as far as the product can say: its indicators met of those set, and the end-of-program response rate.</summary>
public sealed record YearOutcome(int IndicatorsSet, int IndicatorsMet, double? EndOfProgramResponseRate);

/// <summary>One edition in the ten-year view.</summary>
public sealed record TenYearRow(int Year, int Ordinal, string Title, int Objectives, IReadOnlyList<FigureComparison> Figures, YearOutcome? Outcome)
{
    public FigureComparison Figure(FigureMetric metric) => Figures.First(f => f.Metric == metric);
}

public sealed record TenYearView(IReadOnlyList<TenYearRow> Years);

/// <summary>
/// The ten-year view across editions: per year the participants, countries, cities and groups (each
/// published figure beside its source, and the figure counted from the records beside them), the
/// number of objectives, and the outcomes (indicators met, end-of-program response rate) where an
/// evaluation exists. Counted participants are those confirmed or further along (Confirmed, Traveling,
/// Completed); their countries; the published split's groups and their cities. Admin and Staff
/// (<see cref="UserScope.MaySeeTenYearView"/>); an unpublished edition only for its runners.
/// </summary>
public sealed class GetTenYearView(TmsswDbContext db, GetEvaluationReport reports)
{
    internal static readonly NominationStatus[] Counted = [NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed];

    public async Task<TenYearView> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.MaySeeTenYearView())
        {
            throw new OutOfScopeException("the ten-year view");
        }

        var editions = (await db.Editions.AsNoTracking().Include(e => e.Figures).Include(e => e.Objectives).OrderBy(e => e.Year).ToListAsync(ct))
            .Where(e => UserScope.MayRead(scope, e)).ToList();
        var ids = editions.Select(e => e.Id).ToList();
        var people = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.EditionId) && Counted.Contains(p.Status))
            .Select(p => new { p.EditionId, p.Country }).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => ids.Contains(g.EditionId)).Select(g => new { g.EditionId, g.CityId }).ToListAsync(ct);
        var withIndicators = await db.PerformanceIndicators.AsNoTracking().Where(i => ids.Contains(i.EditionId)).Select(i => i.EditionId).Distinct().ToListAsync(ct);

        var rows = new List<TenYearRow>();
        foreach (var e in editions)
        {
            var mine = people.Where(p => p.EditionId == e.Id).ToList();
            var myGroups = groups.Where(g => g.EditionId == e.Id).ToList();
            int? Count(int n) => n == 0 ? null : n;
            var counted = new Dictionary<FigureMetric, int?>
            {
                [FigureMetric.Participants] = Count(mine.Count),
                [FigureMetric.Countries] = Count(mine.Select(p => p.Country).Distinct().Count()),
                [FigureMetric.Cities] = Count(myGroups.Select(g => g.CityId).Distinct().Count()),
                [FigureMetric.Groups] = Count(myGroups.Count),
            };
            var figures = Enum.GetValues<FigureMetric>().Select(m => new FigureComparison(m,
                e.Figures.Where(f => f.Metric == m).OrderBy(f => f.ReportedAfter).ThenBy(f => f.Id)
                    .Select(f => new SourcedFigure(f.Describe(), f.Value, f.Source, f.ReportedAfter)).ToList(),
                counted[m])).ToList();

            YearOutcome? outcome = null;
            if (withIndicators.Contains(e.Id) && scope.MaySeeEvaluation(e.Id))
            {
                var report = await reports.RunAsync(scope, e.Year, ct);
                outcome = new YearOutcome(report.Indicators.Count, report.Indicators.Count(i => i.Met == true), report.EndOfProgramResponseRate);
            }

            rows.Add(new TenYearRow(e.Year, e.Ordinal, e.Title, e.Objectives.Count, figures, outcome));
        }

        return new TenYearView(rows);
    }
}
