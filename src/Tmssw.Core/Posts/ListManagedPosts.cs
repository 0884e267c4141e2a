using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>One line of the staff's post list.</summary>
public sealed record ManagedPost(int Id, string Slug, string Title, PostState State, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, int? EditionYear, IReadOnlyList<string> Themes);

/// <summary>
/// The posts a staff member may write (<see cref="UserScope.WritablePosts"/>), drafts and scheduled
/// ones included: drafts first, then scheduled, then published, newest first within each.
/// </summary>
public sealed class ListManagedPosts(TmsswDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ManagedPost>> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.WritesPosts)
        {
            throw new OutOfScopeException("posts");
        }

        var now = clock.GetUtcNow();
        var rows = await scope.WritablePosts(db).AsNoTracking()
            .Select(p => new { p.Id, p.Slug, p.Title, p.IsPublished, p.PublishedAt, p.UpdatedAt, p.EditionId, p.Themes })
            .ToListAsync(ct);
        var years = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Year, ct);
        return rows
            .Select(p => new ManagedPost(p.Id, p.Slug, p.Title,
                !p.IsPublished ? PostState.Draft : p.PublishedAt > now ? PostState.Scheduled : PostState.Published,
                p.PublishedAt, p.UpdatedAt, p.EditionId is { } e && years.TryGetValue(e, out var y) ? y : null, p.Themes))
            .OrderBy(p => p.State)
            .ThenByDescending(p => p.State == PostState.Draft ? p.UpdatedAt : p.PublishedAt)
            .ThenByDescending(p => p.Id)
            .ToList();
    }
}
