using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// The badge sheet of an edition or of one city group: a badge per participant on the way (vetted,
/// confirmed, traveling or back) and one per group interpreter, each with a freshly issued signed
/// token. The edition's runners only (Admin, assigned Staff); an edition or group out of reach is 404.
/// </summary>
public sealed class PrintBadges(TmsswDbContext db, IssueBadgeToken tokens)
{
    private static readonly NominationStatus[] Badged = [NominationStatus.Vetted, NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed];

    public async Task<IReadOnlyList<Badge>> BadgesAsync(UserScope scope, int year, string? city, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct)
            ?? throw new OutOfScopeException($"edition {year}");
        scope.EnsureRunsEdition(edition.Id);
        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == edition.Id).OrderBy(g => g.Name).ToListAsync(ct);
        if (city is not null)
        {
            var cityId = city.Trim().ToLowerInvariant();
            groups = groups.Where(g => g.CityId == cityId).ToList();
            if (groups.Count == 0)
            {
                throw new OutOfScopeException($"the {year} group in {cityId}");
            }
        }

        var groupIds = groups.Select(g => (int?)g.Id).ToList();
        var query = scope.Participants(db).AsNoTracking().Where(p => p.EditionId == edition.Id && Badged.Contains(p.Status));
        if (city is not null)
        {
            query = query.Where(p => groupIds.Contains(p.GroupId));
        }

        var people = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id).ToListAsync(ct);
        var badges = people
            .Select(p => new Badge(p.FullName, Countries.FindByCode(p.Country)?.Name ?? p.Country, "Participant", tokens.Issue(new BadgeClaim(year, "participant", p.Id))))
            .ToList();
        badges.AddRange(groups
            .Where(g => !string.IsNullOrWhiteSpace(g.InterpreterName))
            .Select(g => new Badge(g.InterpreterName!, "United States", $"Interpreter · {g.Name}", tokens.Issue(new BadgeClaim(year, "interpreter", g.Id)))));
        return badges;
    }

    public async Task<byte[]> PdfAsync(UserScope scope, int year, string? city, CancellationToken ct = default)
    {
        var badges = await BadgesAsync(scope, year, city, ct);
        return BadgeSheetPdf.Render(badges, city is null ? $"Badges {year}" : $"Badges {year} · {city}");
    }
}
