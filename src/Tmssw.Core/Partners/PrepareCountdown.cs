using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Partners;

/// <summary>
/// Staff start (or refresh) the countdown of every city group of an edition: one task per step and
/// group, dated from the group's arrival or departure in its city. Groups without dates are named.
/// </summary>
public sealed class PrepareCountdown(TmsswDbContext db)
{
    public sealed record Outcome(int Added, IReadOnlyList<string> GroupsWithoutDates);

    public async Task<Outcome> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var editionId = await PartnerEditions.IdAsync(db, year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditCountdown(editionId))
        {
            throw new OutOfScopeException($"the {year} countdown");
        }

        var templates = await Countdown.EnsureTemplatesAsync(db, editionId, ct);
        var added = 0;
        var undated = new List<string>();
        foreach (var group in await db.Groups.AsNoTracking().Where(g => g.EditionId == editionId).OrderBy(g => g.CityId).ToListAsync(ct))
        {
            if (await GroupDates.OfAsync(db, group, ct) is null)
            {
                undated.Add(group.Name);
                continue;
            }

            added += await Countdown.InstantiateAsync(db, group, templates, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Outcome(added, undated);
    }
}
