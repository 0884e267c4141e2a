using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>
/// Staff publish a post now, or schedule it for a later instant (no job runs then: the public list,
/// page, feed and API show it once the clock reaches it). A time already past means now. A published
/// post can be rescheduled while it has not appeared yet. Audited ("PostPublished" or "PostScheduled").
/// </summary>
public sealed class PublishPost(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int id, DateTimeOffset? at = null, CancellationToken ct = default)
    {
        var post = await scope.WritablePosts(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new OutOfScopeException($"post #{id}");
        var now = clock.GetUtcNow();
        var when = at is { } requested && requested.ToUniversalTime() > now ? requested.ToUniversalTime() : now;
        if (when > now.AddYears(2))
        {
            return Result.Fail("Schedule a post at most two years ahead.");
        }

        if (post.StateAt(now) == PostState.Published)
        {
            return Result.Fail("This post is already published; unpublish it first to schedule it again.");
        }

        var before = State(post, now);
        post.IsPublished = true;
        post.PublishedAt = when;
        post.UpdatedAt = now;
        audit.Record(scope.Actor, when > now ? "PostScheduled" : "PostPublished", "Post", post.Id.ToString(CultureInfo.InvariantCulture),
            AuditLog.Diff(before, State(post, now)));
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    internal static Dictionary<string, string?> State(Post post, DateTimeOffset now) => new()
    {
        ["state"] = post.StateAt(now).ToString(),
        ["publishedAt"] = post.IsPublished ? post.PublishedAt.ToString("u", CultureInfo.InvariantCulture) : null,
    };
}
