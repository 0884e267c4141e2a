using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>
/// An alumnus who may read a thread replies to it. The reply has no label of its own: its readers are the
/// thread's, so it is never less restrictive than the thread. A hidden thread takes no replies.
/// </summary>
public sealed class ReplyToThread(TmsswDbContext db, AlumniSecrets secrets, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int threadId, string? body, CancellationToken cancellationToken = default)
    {
        if (!scope.MayWriteThreads)
        {
            throw new OutOfScopeException("writing in the knowledge exchange");
        }

        var readable = await UserScope.ReadableThreads(scope, db).AnyAsync(t => t.Id == threadId && t.HiddenAt == null, cancellationToken);
        if (!readable)
        {
            throw new OutOfScopeException($"thread #{threadId}");
        }

        var text = (body ?? "").Trim();
        if (text.Length == 0)
        {
            return Result.Fail("Write a reply first.");
        }

        if (text.Length > AlumniRules.BodyMax)
        {
            return Result.Fail($"The reply is {text.Length} characters; at most {AlumniRules.BodyMax}.");
        }

        var me = scope.Alumnus!;
        var author = await db.Participants.AsNoTracking().Where(p => p.Id == me.ParticipantId).Select(p => p.GivenName + " " + p.FamilyName).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        db.AlumniReplies.Add(new AlumniReply
        {
            ThreadId = threadId,
            AuthorParticipantId = me.ParticipantId,
            AuthorName = author,
            BodyProtected = secrets.Protect(text),
            CreatedAt = now,
        });
        await db.AlumniThreads.Where(t => t.Id == threadId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastActivityAt, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
