using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>
/// Staff hide a thread or a reply, with a reason (or show it again). Hidden posts are gone for readers and
/// shown to staff marked hidden; the open reports on the post are resolved; every decision is audited with
/// its reason. Staff act only on what they may read (GREEN and CLEAR, or a reported post).
/// </summary>
public sealed class HidePost(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int threadId, int? replyId, bool hide, string? reason, CancellationToken cancellationToken = default)
    {
        if (!scope.MayModerateAlumni)
        {
            throw new OutOfScopeException("alumni moderation");
        }

        if (!await UserScope.ReadableThreads(scope, db).AnyAsync(t => t.Id == threadId, cancellationToken))
        {
            throw new OutOfScopeException($"thread #{threadId}");
        }

        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return Result.Fail(hide ? "Give the reason for hiding it; the audit log keeps it." : "Give the reason for showing it again; the audit log keeps it.");
        }

        if (text.Length > AlumniRules.ReasonMax)
        {
            return Result.Fail($"The reason is {text.Length} characters; at most {AlumniRules.ReasonMax}.");
        }

        var now = clock.GetUtcNow();
        string? before;
        if (replyId is { } r)
        {
            var reply = await db.AlumniReplies.FirstOrDefaultAsync(x => x.Id == r && x.ThreadId == threadId, cancellationToken)
                ?? throw new OutOfScopeException($"reply #{r}");
            before = reply.HiddenAt is null ? "visible" : "hidden";
            reply.HiddenAt = hide ? now : null;
            reply.HiddenBy = hide ? scope.Actor.Name : null;
            reply.HiddenReason = hide ? text : null;
        }
        else
        {
            var thread = await db.AlumniThreads.FirstAsync(x => x.Id == threadId, cancellationToken);
            before = thread.HiddenAt is null ? "visible" : "hidden";
            thread.HiddenAt = hide ? now : null;
            thread.HiddenBy = hide ? scope.Actor.Name : null;
            thread.HiddenReason = hide ? text : null;
        }

        var reports = await db.PostReports.Where(x => x.ThreadId == threadId && x.ReplyId == replyId && x.ResolvedAt == null).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            report.ResolvedAt = now;
            report.ResolvedBy = scope.Actor.Name;
        }

        audit.Record(scope.Actor, hide ? "Hidden" : "Unhidden", replyId is null ? "AlumniThread" : "AlumniReply",
            (replyId ?? threadId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new("Visibility", before, hide ? "hidden" : "visible"), new("Reason", null, text)]);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
