using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

public sealed record ReplyView(int Id, string AuthorName, string Body, DateTimeOffset CreatedAt, bool Hidden, string? HiddenReason);

public sealed record ThreadView(
    int Id,
    string Title,
    string Body,
    string Theme,
    Tlp Tlp,
    string? AudienceTheme,
    string? AudienceRegion,
    IReadOnlyList<string> Recipients,
    string AuthorName,
    DateTimeOffset CreatedAt,
    bool Hidden,
    string? HiddenReason,
    IReadOnlyList<ReplyView> Replies,
    int OpenReports,
    bool MayReply,
    bool MayReport,
    bool MayModerate);

/// <summary>One thread and its replies, when the caller may read it (else null: a 404, whether it exists or not).</summary>
public sealed class GetThread(TmsswDbContext db, AlumniSecrets secrets)
{
    public async Task<ThreadView?> RunAsync(UserScope? scope, int id, CancellationToken cancellationToken = default)
    {
        var t = await UserScope.ReadableThreads(scope, db).Include(x => x.Recipients).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (t is null)
        {
            return null;
        }

        var replies = await UserScope.ReadableReplies(scope, db).Where(r => r.ThreadId == id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var recipientIds = t.Recipients.Select(r => r.ParticipantId).ToList();
        var recipients = await db.Participants.AsNoTracking().Where(p => recipientIds.Contains(p.Id))
            .OrderBy(p => p.FamilyName).Select(p => p.GivenName + " " + p.FamilyName).ToListAsync(cancellationToken);
        var moderator = scope?.MayModerateAlumni == true;
        var openReports = moderator ? await db.PostReports.CountAsync(r => r.ThreadId == id && r.ResolvedAt == null, cancellationToken) : 0;
        var hidden = t.HiddenAt is not null;
        return new ThreadView(
            t.Id,
            secrets.Unprotect(t.TitleProtected),
            secrets.Unprotect(t.BodyProtected),
            t.Theme,
            t.Tlp,
            t.AudienceTheme,
            t.AudienceRegion,
            recipients,
            t.AuthorName,
            t.CreatedAt,
            hidden,
            moderator ? t.HiddenReason : null,
            replies.Select(r => new ReplyView(r.Id, r.AuthorName, secrets.Unprotect(r.BodyProtected), r.CreatedAt, r.HiddenAt is not null, moderator ? r.HiddenReason : null)).ToList(),
            openReports,
            MayReply: scope?.MayWriteThreads == true && !hidden,
            MayReport: scope is not null && !hidden,
            MayModerate: moderator);
    }
}
