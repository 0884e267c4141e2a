using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

public sealed record PostPage(IReadOnlyList<Post> Posts, int Page, bool HasMore);

/// <summary>
/// The public "Latest Conversations": published posts whose time has come, newest first, a page at a
/// time. Drafts and scheduled posts never leave here; the list, the post page, the feed and the API all
/// read through <see cref="Public"/>.
/// </summary>
public sealed class ListPosts(TmsswDbContext db, TimeProvider clock)
{
    public const int PageSize = 3;

    public async Task<PostPage> RunAsync(int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var posts = await Public()
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        return new PostPage(posts.Take(pageSize).ToList(), page, posts.Count > pageSize);
    }

    public Task<Post?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        Public().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>The one public filter: published, and its publication time reached on this clock.</summary>
    public IQueryable<Post> Public()
    {
        var now = clock.GetUtcNow();
        return db.Posts.AsNoTracking().Where(p => p.IsPublished && p.PublishedAt <= now);
    }
}
