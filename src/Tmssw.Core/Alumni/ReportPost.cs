using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>
/// A signed-in reader reports a thread (or one of its replies) to staff, with a reason. Only what the reader
/// may read can be reported; the report discloses the thread to the moderators (see <see cref="UserScope.ThreadReadableBy"/>).
/// </summary>
public sealed class ReportPost(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int threadId, int? replyId, string? reason, CancellationToken cancellationToken = default)
    {
        var readable = replyId is { } r
            ? await UserScope.ReadableReplies(scope, db).AnyAsync(x => x.Id == r && x.ThreadId == threadId && x.HiddenAt == null, cancellationToken)
            : await UserScope.ReadableThreads(scope, db).AnyAsync(t => t.Id == threadId && t.HiddenAt == null, cancellationToken);
        if (!readable)
        {
            throw new OutOfScopeException($"thread #{threadId}");
        }

        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return Result.Fail("Say why you report it: staff read the reason.");
        }

        if (text.Length > AlumniRules.ReasonMax)
        {
            return Result.Fail($"The reason is {text.Length} characters; at most {AlumniRules.ReasonMax}.");
        }

        var report = new PostReport { ThreadId = threadId, ReplyId = replyId, ReportedBy = scope.Actor.Name, Reason = text, ReportedAt = clock.GetUtcNow() };
        db.PostReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(scope.Actor, "Reported", replyId is null ? "AlumniThread" : "AlumniReply",
            (replyId ?? threadId).ToString(System.Globalization.CultureInfo.InvariantCulture), [new("Reason", null, text)]);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
