using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

public sealed record ReportLine(int Id, int ThreadId, int? ReplyId, string ThreadTitle, Tlp Tlp, string ReportedBy, string Reason, DateTimeOffset ReportedAt, bool PostHidden);

/// <summary>The moderators' queue: open reports, oldest first, with the reported thread's title.</summary>
public sealed class ListReports(TmsswDbContext db, AlumniSecrets secrets)
{
    public async Task<IReadOnlyList<ReportLine>> RunAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.MayModerateAlumni)
        {
            throw new OutOfScopeException("alumni moderation");
        }

        var threads = UserScope.ReadableThreads(scope, db);
        var rows = await (from r in db.PostReports.AsNoTracking()
                          join t in threads on r.ThreadId equals t.Id
                          where r.ResolvedAt == null
                          orderby r.ReportedAt, r.Id
                          select new
                          {
                              r.Id, r.ThreadId, r.ReplyId, t.TitleProtected, t.Tlp, r.ReportedBy, r.Reason, r.ReportedAt,
                              Hidden = r.ReplyId == null ? t.HiddenAt != null : db.AlumniReplies.Any(x => x.Id == r.ReplyId && x.HiddenAt != null),
                          }).Take(500).ToListAsync(cancellationToken);
        return rows.Select(r => new ReportLine(r.Id, r.ThreadId, r.ReplyId, secrets.Unprotect(r.TitleProtected), r.Tlp, r.ReportedBy, r.Reason, r.ReportedAt, r.Hidden)).ToList();
    }
}
