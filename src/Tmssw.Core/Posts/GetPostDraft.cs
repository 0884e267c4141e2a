using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>A post in the editor: the post, its edition's year, its images (without their bytes) and its state now.</summary>
public sealed record PostDraft(Post Post, int? EditionYear, IReadOnlyList<PostImage> Images, PostState State);

/// <summary>Staff open a post they may write, whatever its state; any other post is out of scope (404).</summary>
public sealed class GetPostDraft(TmsswDbContext db, TimeProvider clock)
{
    public async Task<PostDraft> RunAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        var post = await scope.WritablePosts(db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new OutOfScopeException($"post #{id}");
        var year = post.EditionId is { } e ? await db.Editions.Where(x => x.Id == e).Select(x => (int?)x.Year).FirstOrDefaultAsync(ct) : null;
        var images = await db.PostImages.AsNoTracking().Where(i => i.PostId == id).OrderBy(i => i.Id)
            .Select(i => new PostImage { Id = i.Id, PostId = i.PostId, Name = i.Name, ContentType = i.ContentType, Width = i.Width, Height = i.Height, OriginalName = i.OriginalName, UploadedAt = i.UploadedAt })
            .ToListAsync(ct);
        return new PostDraft(post, year, images, post.StateAt(clock.GetUtcNow()));
    }
}
