using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants;

public sealed record ParticipantFilter(
    string? Search = null,
    NominationStatus? Status = null,
    string? Country = null,
    string? Region = null,
    string? Theme = null,
    int? GroupId = null,
    string Sort = "name",
    int Page = 1,
    int PageSize = 50);

public sealed record ParticipantRow(
    int Id,
    string GivenName,
    string FamilyName,
    string Country,
    string Region,
    string Sector,
    string Agency,
    string Position,
    NominationStatus Status,
    int? GroupId,
    IReadOnlyList<string> Themes,
    string? InterpretationLanguage);

public sealed record ParticipantPage(IReadOnlyList<ParticipantRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The participant list an edition's people see, always within the caller's scope: search, filter,
/// sort and page in the database (indexed on edition, status, country and name), never in memory.
/// </summary>
public sealed class SearchParticipants(TmsswDbContext db)
{
    public const int MaxPageSize = 200;

#pragma warning disable CA1862 // ToLower().Contains translates to SQL on both providers; StringComparison overloads do not.
    /// <param name="knownTotal">
    /// The number of participants in scope in the edition when the caller already counted them: used as the
    /// total when no search or filter narrows the list (saves a count over the edition).
    /// </param>
    public Task<ParticipantPage> RunAsync(UserScope scope, int editionId, ParticipantFilter filter, CancellationToken cancellationToken = default) =>
        RunAsync(scope, editionId, filter, knownTotal: null, cancellationToken);

    /// <inheritdoc cref="RunAsync(UserScope, int, ParticipantFilter, CancellationToken)"/>
    public async Task<ParticipantPage> RunAsync(UserScope scope, int editionId, ParticipantFilter filter, int? knownTotal, CancellationToken cancellationToken = default)
    {
        var query = scope.Participants(db).AsNoTracking().Where(p => p.EditionId == editionId);
        var narrowed = false; // by a search or a filter: then the caller's count of the whole edition is not the total
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var q = filter.Search.Trim().ToLower();
            query = query.Where(p => (p.GivenName + " " + p.FamilyName).ToLower().Contains(q)
                || p.Agency.ToLower().Contains(q) || p.Position.ToLower().Contains(q));
            narrowed = true;
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
            narrowed = true;
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            query = query.Where(p => p.Country == filter.Country);
            narrowed = true;
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            query = query.Where(p => p.Region == filter.Region);
            narrowed = true;
        }

        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            query = query.Where(p => p.Themes.Contains(filter.Theme));
            narrowed = true;
        }

        if (filter.GroupId is { } groupId)
        {
            query = query.Where(p => p.GroupId == groupId);
            narrowed = true;
        }

        var total = knownTotal is { } all && !narrowed ? all : await query.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        query = filter.Sort switch
        {
            "country" => query.OrderBy(p => p.Country).ThenBy(p => p.FamilyName).ThenBy(p => p.Id),
            "status" => query.OrderBy(p => p.Status).ThenBy(p => p.FamilyName).ThenBy(p => p.Id),
            "updated" => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
            "-name" => query.OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id),
        };
        var rows = await query.Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(p => new ParticipantRow(p.Id, p.GivenName, p.FamilyName, p.Country, p.Region, p.Sector, p.Agency, p.Position, p.Status, p.GroupId, p.Themes, p.InterpretationLanguage))
            .ToListAsync(cancellationToken);
        return new ParticipantPage(rows, total, page, pageSize);
    }
#pragma warning restore CA1862
}

public sealed record CountBy(string Key, int Count);

public sealed record EditionDashboard(int Total, IReadOnlyList<CountBy> ByStatus, IReadOnlyList<CountBy> ByRegion, IReadOnlyList<CountBy> BySector, IReadOnlyList<CountBy> ByTheme, int Countries);
