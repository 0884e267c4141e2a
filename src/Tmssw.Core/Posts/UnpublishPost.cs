using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>Staff take a published or scheduled post back to a draft: it leaves the public list, page, feed and API at once. Audited.</summary>
public sealed class UnpublishPost(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int id, CancellationToken ct = default)
    {
        var post = await scope.WritablePosts(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new OutOfScopeException($"post #{id}");
        if (!post.IsPublished)
        {
            return Result.Fail("This post is a draft already.");
        }

        var now = clock.GetUtcNow();
        var before = PublishPost.State(post, now);
        post.IsPublished = false;
        post.UpdatedAt = now;
        audit.Record(scope.Actor, "PostUnpublished", "Post", post.Id.ToString(CultureInfo.InvariantCulture), AuditLog.Diff(before, PublishPost.State(post, now)));
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
