using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// Staff schedule a survey's invitations: one personal link per respondent who has none yet (the
/// edition's confirmed, travelling and completed participants; for the host-community survey, each host
/// organization that offered a meeting in a city that received a group), with the days to send the
/// invitation and the reminder taken from the survey's window, itself from the edition's dates
/// (<see cref="SurveySchedule"/>). Running it again adds only the missing ones.
/// </summary>
public sealed class ScheduleSurveyInvitations(TmsswDbContext db, RespondentKeys keys, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<NominationStatus> Invited = [NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed];

    public async Task<(int Added, Result Result)> RunAsync(UserScope scope, int year, int surveyId, CancellationToken ct = default)
    {
        var survey = await SurveyAccess.FindAsync(db, scope, year, surveyId, ct);
        if (!await db.SurveyQuestions.AnyAsync(q => q.SurveyId == surveyId, ct))
        {
            return (0, Result.Fail("Add the survey's questions before inviting anyone."));
        }

        var (inviteOn, remindOn) = SurveySchedule.Days(survey);
        var now = clock.GetUtcNow();
        var added = new List<SurveyInvitation>();
        if (survey.Kind == SurveyKind.HostCommunity)
        {
            var cities = db.Groups.Where(g => g.EditionId == survey.EditionId).Select(g => g.CityId);
            var hosts = await db.HostOrganizations.AsNoTracking()
                .Where(h => cities.Contains(h.CityId) && db.MeetingOffers.Any(o => o.HostOrganizationId == h.Id && o.EditionId == survey.EditionId))
                .Where(h => !db.SurveyInvitations.Any(i => i.SurveyId == surveyId && i.HostOrganizationId == h.Id))
                .OrderBy(h => h.Id).ToListAsync(ct);
            added.AddRange(hosts.Select(h => New(keys, surveyId, null, h.Id, h.Name, "en", inviteOn, remindOn, now)));
        }
        else
        {
            var people = await db.Participants.AsNoTracking()
                .Where(p => p.EditionId == survey.EditionId && Invited.Contains(p.Status))
                .Where(p => !db.SurveyInvitations.Any(i => i.SurveyId == surveyId && i.ParticipantId == p.Id))
                .OrderBy(p => p.Id).ToListAsync(ct);
            added.AddRange(people.Select(p => New(keys, surveyId, p.Id, null, p.FullName, Outbox.LanguageOf(p), inviteOn, remindOn, now)));
        }

        db.SurveyInvitations.AddRange(added);
        await keys.SecretAsync(survey.EditionId, ct);
        audit.Record(scope.Actor, "SurveyInvitationsScheduled", nameof(Survey), surveyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("invitations", null, added.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        return (added.Count, Result.Ok);
    }

    /// <summary>A new invitation with its token (hashed, and protected to list again).</summary>
    internal static SurveyInvitation New(RespondentKeys keys, int surveyId, int? participantId, int? hostId, string name, string language, DateOnly inviteOn, DateOnly remindOn, DateTimeOffset now)
    {
        var token = SecretTokens.New();
        return new SurveyInvitation
        {
            SurveyId = surveyId,
            ParticipantId = participantId,
            HostOrganizationId = hostId,
            ContactName = name.Length > 200 ? name[..200] : name,
            Language = language,
            TokenHash = SecretTokens.Hash(token),
            TokenProtected = keys.ProtectToken(token),
            InviteOn = inviteOn,
            RemindOn = remindOn,
            Status = InvitationStatus.Pending,
            CreatedAt = now,
        };
    }
}
