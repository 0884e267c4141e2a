using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>An image to serve, and whether anyone may cache it (its post is public).</summary>
public sealed record ServedImage(byte[] Content, string ContentType, bool IsPublic);

/// <summary>
/// An image by its name: to everyone once its post is public (<see cref="ListPosts.Public"/>), else only
/// to those who may write the post (the editor's preview); null otherwise (404), so a draft's images
/// stay as private as the draft.
/// </summary>
public sealed class GetPostImage(TmsswDbContext db, ListPosts posts)
{
    public async Task<ServedImage?> RunAsync(UserScope? scope, string name, CancellationToken ct = default)
    {
        if (name.Length is 0 or > 40)
        {
            return null;
        }

        var image = await db.PostImages.AsNoTracking().Where(i => i.Name == name)
            .Select(i => new { i.PostId, i.Content, i.ContentType }).FirstOrDefaultAsync(ct);
        if (image is null)
        {
            return null;
        }

        if (await posts.Public().AnyAsync(p => p.Id == image.PostId, ct))
        {
            return new ServedImage(image.Content, image.ContentType, IsPublic: true);
        }

        var mayWrite = scope is not null && await scope.WritablePosts(db).AnyAsync(p => p.Id == image.PostId, ct);
        return mayWrite ? new ServedImage(image.Content, image.ContentType, IsPublic: false) : null;
    }
}
