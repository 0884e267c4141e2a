using System.Text;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Alumni;

/// <summary>One digest: who, and how many threads it lists.</summary>
public sealed record DigestLine(int ParticipantId, string Name, int Threads, bool HasAddress);

/// <summary>
/// The weekly digest (opt-in on /me/alumni): for each alumnus who wants it, the threads started since their
/// last digest (at most a week back) in their themes that THEY may read — the same rule as every other query,
/// applied with the recipient's own scope — queued into the outbox for approval. The mail leaves the platform,
/// so it names the title only of CLEAR and GREEN threads; an AMBER, AMBER+STRICT or RED thread appears as its
/// label, theme and link, its title staying behind sign-in. Nothing is sent here and nothing is marked on a
/// dry run. The web app runs it weekly (Web/Jobs/AlumniDigestJob, <c>Alumni:DigestSchedule</c>); the CLI on demand.
/// </summary>
public sealed class QueueAlumniDigest(TmsswDbContext db, Outbox outbox, AlumniSecrets secrets, MailSettings mail, TimeProvider clock)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<DigestLine>> RunAsync(UserScope scope, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!scope.MayModerateAlumni)
        {
            throw new OutOfScopeException("the alumni digest");
        }

        var now = clock.GetUtcNow();
        var subscribers = await (from s in db.AlumniSharing
                                 join p in db.Participants on s.ParticipantId equals p.Id
                                 where s.WantsDigest && p.Status == NominationStatus.Completed
                                 orderby p.Id
                                 select new { Sharing = s, Participant = p }).ToListAsync(cancellationToken);
        var lines = new List<DigestLine>();
        foreach (var x in subscribers)
        {
            var p = x.Participant;
            var account = await db.Users.AsNoTracking().Where(u => u.ParticipantId == p.Id).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(cancellationToken);
            var facts = new AlumnusFacts(p.Id, p.EditionId, p.Themes, p.Region, AlumniRules.AgencyKey(p.Agency));
            var reader = new UserScope(account?.Id ?? "", p.FullName, new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: p.Id, Alumnus: facts);
            var since = x.Sharing.DigestSentUpTo is { } sent && sent > now - Period ? sent : now - Period;
            var themes = p.Themes.ToList();
            var threads = await UserScope.ReadableThreads(reader, db)
                .Where(t => t.CreatedAt > since && t.CreatedAt <= now && t.AuthorParticipantId != p.Id && themes.Contains(t.Theme))
                .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
                .Select(t => new { t.Id, t.Tlp, t.Theme, t.TitleProtected })
                .Take(50)
                .ToListAsync(cancellationToken);
            if (threads.Count == 0)
            {
                continue;
            }

            var address = account?.Email;
            lines.Add(new DigestLine(p.Id, p.FullName, threads.Count, address is not null));
            if (dryRun)
            {
                continue;
            }

            var language = Outbox.LanguageOf(p);
            var (subject, body) = MailText.Render(MailTemplate.AlumniDigest, language, new Dictionary<string, string?>
            {
                ["name"] = p.FullName,
                ["link"] = mail.Link("/me/alumni"),
            });
            var list = new StringBuilder();
            foreach (var t in threads)
            {
                var title = t.Tlp is Tlp.Clear or Tlp.Green ? secrets.Unprotect(t.TitleProtected) : "(title shown after signing in)";
                list.Append("- [").Append(AlumniRules.Label(t.Tlp)).Append("] ").Append(Themes.NameOf(t.Theme)).Append(": ").Append(title)
                    .Append('\n').Append("  ").Append(mail.Link($"/alumni/exchange/{t.Id}")).Append('\n');
            }

            db.OutboxMessages.Add(new OutboxMessage
            {
                EditionId = p.EditionId,
                ParticipantId = p.Id,
                Template = MailTemplate.AlumniDigest,
                Language = language,
                ToName = p.FullName,
                ToAddressProtected = outbox.Protect(address),
                Subject = subject,
                Body = body + "\n\n" + list,
                Status = OutboxStatus.Waiting,
                Origin = $"alumni digest by {scope.Actor.Name}",
                CreatedAt = now,
            });
            var tracked = await db.AlumniSharing.FirstAsync(s => s.ParticipantId == p.Id, cancellationToken);
            tracked.DigestSentUpTo = now;
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return lines;
    }
}
