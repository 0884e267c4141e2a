using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants;

/// <summary>An edition's participants counted by status, region, sector and theme.</summary>
public sealed class GetEditionDashboard(TmsswDbContext db)
{
    public async Task<EditionDashboard> RunAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var participants = db.Participants.AsNoTracking().Where(p => p.EditionId == editionId);
        var byStatus = await participants.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byRegion = await participants.GroupBy(p => p.Region).Select(g => new CountBy(g.Key, g.Count())).ToListAsync(cancellationToken);
        var bySector = await participants.GroupBy(p => p.Sector).Select(g => new CountBy(g.Key, g.Count())).ToListAsync(cancellationToken);
        var countries = await participants.Select(p => p.Country).Distinct().CountAsync(cancellationToken);

        // Themes are a list per participant; counting them client-side reads one small column.
        var themeLists = await participants.Select(p => p.Themes).ToListAsync(cancellationToken);
        var byTheme = themeLists.SelectMany(t => t).GroupBy(t => t).Select(g => new CountBy(g.Key, g.Count()));

        return new EditionDashboard(
            byStatus.Sum(s => s.Count),
            Enum.GetValues<NominationStatus>().Select(s => new CountBy(s.ToString(), byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList(),
            byRegion.OrderByDescending(c => c.Count).ToList(),
            bySector.OrderByDescending(c => c.Count).ToList(),
            byTheme.OrderByDescending(c => c.Count).ToList(),
            countries);
    }
}
