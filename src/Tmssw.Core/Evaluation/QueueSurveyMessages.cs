using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// Staff queue what is due today (UTC) in the e-mail outbox: the invitations whose day has come and
/// the reminders due to those who have not submitted, each with the person's own link. Nothing is sent:
/// the messages wait in the outbox for a person to approve them. A closed survey queues nothing.
/// </summary>
public sealed class QueueSurveyMessages(TmsswDbContext db, Outbox outbox, RespondentKeys keys, SensitiveFields sensitive, MailSettings settings, TimeProvider clock)
{
    public async Task<(int Invitations, int Reminders)> RunAsync(UserScope scope, int year, int surveyId, CancellationToken ct = default)
    {
        var survey = await SurveyAccess.FindAsync(db, scope, year, surveyId, ct);
        var now = clock.GetUtcNow();
        if (now >= survey.ClosesAt)
        {
            return (0, 0);
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.SurveyInvitations
            .Where(i => i.SurveyId == surveyId && i.Status != InvitationStatus.Submitted
                && ((i.InvitedAt == null && i.InviteOn <= today) || (i.InvitedAt != null && i.RemindedAt == null && i.RemindOn <= today)))
            .OrderBy(i => i.Id).ToListAsync(ct);
        var people = await db.Participants.Where(p => p.EditionId == survey.EditionId).ToDictionaryAsync(p => p.Id, ct);
        var sent = new List<(SurveyInvitation Invitation, OutboxMessage Message, bool Reminder)>();
        foreach (var invitation in due)
        {
            var reminder = invitation.InvitedAt is not null;
            var person = invitation.ParticipantId is { } pid ? people.GetValueOrDefault(pid) : null;
            var address = person is { PersonalEmailProtected: not null } ? sensitive.Read(person).PersonalEmail
                : invitation.ContactEmailProtected is { } e ? outbox.Unprotect(e) : null;
            var link = settings.Link(SurveyLink.Path(keys.UnprotectToken(invitation.TokenProtected)));
            var message = await outbox.AddToAsync(survey.EditionId, invitation.ParticipantId, invitation.ContactName, address, invitation.Language,
                reminder ? MailTemplate.SurveyReminder : MailTemplate.SurveyInvitation, $"{survey.Kind} survey by {scope.Name}",
                new Dictionary<string, string?> { ["link"] = link }, ct);
            sent.Add((invitation, message, reminder));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (invitation, message, reminder) in sent)
        {
            if (reminder)
            {
                (invitation.RemindedAt, invitation.ReminderMessageId) = (now, message.Id);
            }
            else
            {
                (invitation.InvitedAt, invitation.InvitationMessageId) = (now, message.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        return (sent.Count(s => !s.Reminder), sent.Count(s => s.Reminder));
    }
}
