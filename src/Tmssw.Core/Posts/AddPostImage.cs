using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>
/// Staff upload an image with a post they may write: checked and re-encoded by <see cref="ImageIntake"/>
/// (decoded, bounded, metadata gone, at most 1,600 pixels wide), stored in the database under a random
/// name, and audited. The post's Markdown then shows it with <c>![description](/conversations/images/NAME)</c>.
/// </summary>
public sealed class AddPostImage(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxImagesPerPost = 30;

    public async Task<(PostImage? Image, Result Result)> RunAsync(UserScope scope, int postId, byte[] content, string? fileName, CancellationToken ct = default)
    {
        var post = await scope.WritablePosts(db).AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new OutOfScopeException($"post #{postId}");
        if (await db.PostImages.CountAsync(i => i.PostId == post.Id, ct) >= MaxImagesPerPost)
        {
            return (null, Result.Fail($"A post has at most {MaxImagesPerPost} images."));
        }

        var (processed, error) = ImageIntake.Process(content);
        if (processed is null)
        {
            return (null, Result.Fail($"{Describe(fileName)}: {error}"));
        }

        var image = new PostImage
        {
            PostId = post.Id,
            Name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{processed.Extension}",
            ContentType = processed.ContentType,
            Width = processed.Width,
            Height = processed.Height,
            Content = processed.Content,
            OriginalName = OriginalName(fileName),
            UploadedAt = clock.GetUtcNow(),
        };
        db.PostImages.Add(image);
        audit.Record(scope.Actor, "PostImageAdded", "Post", post.Id.ToString(CultureInfo.InvariantCulture),
        [
            new FieldChange("image", null, image.Name),
            new FieldChange("size", null, $"{image.Width}×{image.Height} {image.ContentType}, {image.Content.Length} bytes (uploaded {content.Length} bytes)"),
        ]);
        await db.SaveChangesAsync(ct);
        return (image, Result.Ok);
    }

    private static string? OriginalName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Replace("\0", "", StringComparison.Ordinal).Trim();
        return name.Length == 0 ? null : name.Length > 200 ? name[..200] : name;
    }

    private static string Describe(string? fileName) => OriginalName(fileName) is { } name ? $"\"{name}\"" : "The upload";
}
