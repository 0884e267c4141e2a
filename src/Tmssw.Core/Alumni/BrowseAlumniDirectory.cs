using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Alumni;

/// <summary>What a directory search asks for; each filter matches only what the alumnus shares.</summary>
public sealed record AlumniFilter(string? Theme = null, string? Region = null, int? Edition = null);

/// <summary>
/// One alumnus as the directory shows them: the name, and each other field only when they share it (null
/// when they do not). <see cref="ParticipantId"/> lets an author name them as a RED thread's recipient.
/// </summary>
public sealed record AlumniEntry(
    int ParticipantId,
    string Name,
    string? Country,
    string? Region,
    string? Agency,
    string? Position,
    IReadOnlyList<string>? Themes,
    int? Edition,
    string? CityGroup);

/// <summary>The entries found (at most <see cref="AlumniRules.DirectoryMax"/>), and the choices the filters offer.</summary>
public sealed record AlumniDirectory(IReadOnlyList<AlumniEntry> Entries, bool Truncated, IReadOnlyList<Theme> Themes, IReadOnlyList<string> Regions, IReadOnlyList<int> Editions);

/// <summary>
/// The alumni directory for signed-in alumni and staff (<see cref="UserScope.MayBrowseAlumni"/>): alumni who
/// share at least their name, each with only the fields they chose to share, searchable by theme (shared
/// themes), region (shared country) and edition (shared edition). Sharing is read on every query, so a
/// withdrawn field is gone from the page, the API and the CLI at once.
/// </summary>
public sealed class BrowseAlumniDirectory(TmsswDbContext db)
{
    public async Task<AlumniDirectory> RunAsync(UserScope scope, AlumniFilter filter, CancellationToken cancellationToken = default)
    {
        scope.EnsureMayBrowseAlumni();
        var theme = Themes.Resolve(filter.Theme)?.Code;
        var region = AlumniRules.Regions.FirstOrDefault(r => string.Equals(r, filter.Region?.Trim(), StringComparison.OrdinalIgnoreCase));
        var year = filter.Edition;

        var query =
            from p in db.Participants.AsNoTracking()
            join s in db.AlumniSharing.AsNoTracking() on p.Id equals s.ParticipantId
            join e in db.Editions.AsNoTracking() on p.EditionId equals e.Id
            where p.Status == NominationStatus.Completed && s.ShareName
            select new { p, s, e.Year };
        if (theme is not null)
        {
            query = query.Where(x => x.s.ShareThemes && x.p.Themes.Contains(theme));
        }

        if (region is not null)
        {
            query = query.Where(x => x.s.ShareCountry && x.p.Region == region);
        }

        if (year is not null)
        {
            query = query.Where(x => x.s.ShareEdition && x.Year == year);
        }

        var rows = await query
            .OrderBy(x => x.p.FamilyName).ThenBy(x => x.p.GivenName).ThenBy(x => x.p.Id)
            .Take(AlumniRules.DirectoryMax + 1)
            .Select(x => new
            {
                x.p.Id, x.p.GivenName, x.p.FamilyName, x.p.Country, x.p.Region, x.p.Agency, x.p.Position, x.p.Themes, x.p.GroupId, x.Year,
                x.s.ShareCountry, x.s.ShareAgency, x.s.SharePosition, x.s.ShareThemes, x.s.ShareEdition, x.s.ShareCityGroup,
            })
            .ToListAsync(cancellationToken);

        var groupIds = rows.Where(r => r.ShareCityGroup && r.GroupId is not null).Select(r => r.GroupId!.Value).Distinct().ToList();
        var groups = await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);

        var entries = rows.Take(AlumniRules.DirectoryMax).Select(r => new AlumniEntry(
            r.Id,
            $"{r.GivenName} {r.FamilyName}".Trim(),
            r.ShareCountry ? r.Country : null,
            r.ShareCountry ? r.Region : null,
            r.ShareAgency && r.Agency.Length > 0 ? r.Agency : null,
            r.SharePosition && r.Position.Length > 0 ? r.Position : null,
            r.ShareThemes ? r.Themes : null,
            r.ShareEdition ? r.Year : null,
            r.ShareCityGroup && r.GroupId is { } g && groups.TryGetValue(g, out var name) ? name : null)).ToList();

        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year).Select(e => e.Year).ToListAsync(cancellationToken);
        return new AlumniDirectory(entries, rows.Count > AlumniRules.DirectoryMax, Themes.All, AlumniRules.Regions, editions);
    }
}
