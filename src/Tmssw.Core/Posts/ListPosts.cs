using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

public sealed record PostPage(IReadOnlyList<Post> Posts, int Page, bool HasMore);

/// <summary>Published posts, newest first, a page at a time ("Latest Conversations").</summary>
public sealed class ListPosts(TmsswDbContext db)
{
    public const int PageSize = 3;

    public async Task<PostPage> RunAsync(int page, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.IsPublished)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        return new PostPage(posts.Take(pageSize).ToList(), page, posts.Count > pageSize);
    }

    public Task<Post?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Posts.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, cancellationToken);
}
