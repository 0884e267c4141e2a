using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Editions;

public sealed record FigureView(string Metric, int Value, string Qualifier, string Text, string Source, bool ReportedAfter);

/// <summary>
/// An edition in numbers: participants and countries counted from the participants recorded
/// (withdrawn and declined nominations do not count), next to the figures others published.
/// </summary>
public sealed record EditionSummary(int Year, int Ordinal, string Title, int Participants, int Countries, IReadOnlyList<FigureView> Published);

public sealed class ListEditionSummaries(TmsswDbContext db)
{
    public async Task<IReadOnlyList<EditionSummary>> RunAsync(CancellationToken cancellationToken = default)
    {
        var editions = await db.Editions.AsNoTracking().Include(e => e.Figures).OrderBy(e => e.Year).ToListAsync(cancellationToken);
        var counts = await db.Participants.AsNoTracking()
            .Where(p => p.Status != NominationStatus.Withdrawn && p.Status != NominationStatus.Declined)
            .GroupBy(p => p.EditionId)
            .Select(g => new { EditionId = g.Key, Participants = g.Count(), Countries = g.Select(p => p.Country).Distinct().Count() })
            .ToDictionaryAsync(x => x.EditionId, cancellationToken);
        return editions.Select(e =>
        {
            counts.TryGetValue(e.Id, out var c);
            return new EditionSummary(
                e.Year,
                e.Ordinal,
                e.Title,
                c?.Participants ?? 0,
                c?.Countries ?? 0,
                e.Figures.OrderBy(f => f.ReportedAfter).ThenBy(f => f.Source).ThenBy(f => f.Metric)
                    .Select(f => new FigureView(f.Metric.ToString(), f.Value, f.Qualifier.ToString(), $"{f.Describe()} {f.Metric.ToString().ToLowerInvariant()}", f.Source, f.ReportedAfter))
                    .ToList());
        }).ToList();
    }
}
