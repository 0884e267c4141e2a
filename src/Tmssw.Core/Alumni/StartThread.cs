using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Alumni;

/// <summary>A new thread as typed: the label and, for AMBER, a theme or a region; for RED, the recipients.</summary>
public sealed record NewThread(string? Title, string? Body, string? Theme, string? Tlp, string? AudienceTheme = null, string? AudienceRegion = null, IReadOnlyList<int>? Recipients = null);

/// <summary>One thing to fix in a form, by field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The new thread's id, or what to fix.</summary>
public sealed record StartThreadOutcome(int? ThreadId, IReadOnlyList<FieldError> Errors);

/// <summary>
/// An alumnus starts a thread under a TLP label. AMBER needs an audience (a theme or a region, or both);
/// AMBER+STRICT needs the author's agency on file; RED needs named recipients among the listed alumni.
/// Title and body are encrypted at rest; the thread's creation is audited (without its text).
/// </summary>
public sealed class StartThread(TmsswDbContext db, AlumniSecrets secrets, AuditLog audit, TimeProvider clock)
{
    public async Task<StartThreadOutcome> RunAsync(UserScope scope, NewThread input, CancellationToken cancellationToken = default)
    {
        if (!scope.MayWriteThreads)
        {
            throw new OutOfScopeException("writing in the knowledge exchange");
        }

        var me = scope.Alumnus!;
        var errors = new List<FieldError>();
        var title = (input.Title ?? "").Trim();
        var body = (input.Body ?? "").Trim();
        if (title.Length == 0)
        {
            errors.Add(new("Title", "Give the thread a title."));
        }
        else if (title.Length > AlumniRules.TitleMax)
        {
            errors.Add(new("Title", $"The title is {title.Length} characters; at most {AlumniRules.TitleMax}."));
        }

        if (body.Length == 0)
        {
            errors.Add(new("Body", "Write what you want to share."));
        }
        else if (body.Length > AlumniRules.BodyMax)
        {
            errors.Add(new("Body", $"The text is {body.Length} characters; at most {AlumniRules.BodyMax}."));
        }

        var theme = Themes.Resolve(input.Theme);
        if (theme is null)
        {
            errors.Add(new("Theme", string.IsNullOrWhiteSpace(input.Theme) ? "Choose a theme." : $"Unknown theme '{Short(input.Theme)}'."));
        }

        var tlp = AlumniRules.ParseLabel(input.Tlp);
        if (tlp is null)
        {
            errors.Add(new("Tlp", string.IsNullOrWhiteSpace(input.Tlp)
                ? "Choose a TLP label."
                : $"Unknown TLP label '{Short(input.Tlp)}'; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED."));
        }

        string? audienceTheme = null;
        string? audienceRegion = null;
        if (tlp == Tlp.Amber)
        {
            if (!string.IsNullOrWhiteSpace(input.AudienceTheme))
            {
                audienceTheme = Themes.Resolve(input.AudienceTheme)?.Code;
                if (audienceTheme is null)
                {
                    errors.Add(new("AudienceTheme", $"Unknown theme '{Short(input.AudienceTheme)}'."));
                }
            }

            if (!string.IsNullOrWhiteSpace(input.AudienceRegion))
            {
                audienceRegion = AlumniRules.Regions.FirstOrDefault(r => string.Equals(r, input.AudienceRegion.Trim(), StringComparison.OrdinalIgnoreCase));
                if (audienceRegion is null)
                {
                    errors.Add(new("AudienceRegion", $"Unknown region '{Short(input.AudienceRegion)}'."));
                }
            }

            if (string.IsNullOrWhiteSpace(input.AudienceTheme) && string.IsNullOrWhiteSpace(input.AudienceRegion))
            {
                errors.Add(new("AudienceTheme", "TLP:AMBER needs an audience: name a theme, a region, or both."));
            }
        }

        if (tlp == Tlp.AmberStrict && me.AgencyKey.Length == 0)
        {
            errors.Add(new("Tlp", "TLP:AMBER+STRICT is for your agency's colleagues, but no agency is on your record."));
        }

        var recipients = new List<int>();
        if (tlp == Tlp.Red)
        {
            var asked = (input.Recipients ?? []).Where(id => id != me.ParticipantId).Distinct().ToList();
            if (asked.Count == 0)
            {
                errors.Add(new("Recipients", "TLP:RED is for named recipients: choose at least one alumnus."));
            }
            else if (asked.Count > AlumniRules.RecipientsMax)
            {
                errors.Add(new("Recipients", $"{asked.Count} recipients; at most {AlumniRules.RecipientsMax}."));
            }
            else
            {
                // Only alumni listed in the directory can be named: the author may know nobody else.
                recipients = await (from p in db.Participants
                                    join s in db.AlumniSharing on p.Id equals s.ParticipantId
                                    where asked.Contains(p.Id) && p.Status == NominationStatus.Completed && s.ShareName
                                    select p.Id).ToListAsync(cancellationToken);
                if (recipients.Count != asked.Count)
                {
                    errors.Add(new("Recipients", "Some recipients are not alumni listed in the directory."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return new StartThreadOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        var author = await db.Participants.AsNoTracking().Where(p => p.Id == me.ParticipantId).Select(p => p.GivenName + " " + p.FamilyName).FirstAsync(cancellationToken);
        var thread = new AlumniThread
        {
            Theme = theme!.Code,
            Tlp = tlp!.Value,
            AudienceTheme = audienceTheme,
            AudienceRegion = audienceRegion,
            AgencyKey = me.AgencyKey,
            AuthorParticipantId = me.ParticipantId,
            AuthorName = author,
            TitleProtected = secrets.Protect(title),
            BodyProtected = secrets.Protect(body),
            CreatedAt = now,
            LastActivityAt = now,
            Recipients = recipients.Select(id => new ThreadRecipient { ParticipantId = id }).ToList(),
        };
        db.AlumniThreads.Add(thread);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(scope.Actor, "ThreadStarted", "AlumniThread", thread.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [
            new("Theme", null, thread.Theme),
            new("Tlp", null, AlumniRules.Label(thread.Tlp)),
            new("AudienceTheme", null, audienceTheme),
            new("AudienceRegion", null, audienceRegion),
            new("Recipients", null, recipients.Count == 0 ? null : string.Join(", ", recipients)),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return new StartThreadOutcome(thread.Id, []);
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
