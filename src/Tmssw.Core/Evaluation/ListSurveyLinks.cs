using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;

namespace Tmssw.Core.Evaluation;

/// <summary>One respondent's personal link, with where the invitation stands (what staff see, anonymous surveys included).</summary>
public sealed record SurveyLinkLine(
    int InvitationId,
    int SurveyId,
    SurveyKind Kind,
    string Respondent,
    int? ParticipantId,
    int? HostOrganizationId,
    string Language,
    string Url,
    DateOnly InviteOn,
    DateOnly RemindOn,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? RemindedAt,
    InvitationStatus Status);

/// <summary>
/// The edition's invitations (or one survey's) with each respondent's link as an absolute URL under the
/// configured public address (<see cref="MailSettings.PublicUrl"/>, TMSSW_PUBLIC_URL): the staff list and
/// <c>tmssw survey links</c>. Staff of the edition only.
/// </summary>
public sealed class ListSurveyLinks(TmsswDbContext db, RespondentKeys keys, MailSettings settings)
{
    public async Task<IReadOnlyList<SurveyLinkLine>> RunAsync(UserScope scope, int year, int? surveyId = null, CancellationToken ct = default)
    {
        var editionId = await SurveyAccess.EditionAsync(db, scope, year, ct);
        if (surveyId is { } sid && !await db.Surveys.AnyAsync(s => s.Id == sid && s.EditionId == editionId, ct))
        {
            throw new OutOfScopeException($"survey #{sid}");
        }

        var rows = await db.SurveyInvitations.AsNoTracking()
            .Join(db.Surveys.Where(s => s.EditionId == editionId), i => i.SurveyId, s => s.Id, (i, s) => new { i, s.Kind })
            .Where(x => surveyId == null || x.i.SurveyId == surveyId)
            .OrderBy(x => x.i.SurveyId).ThenBy(x => x.i.Id)
            .ToListAsync(ct);
        return [.. rows.Select(x => new SurveyLinkLine(
            x.i.Id, x.i.SurveyId, x.Kind, x.i.ContactName, x.i.ParticipantId, x.i.HostOrganizationId, x.i.Language,
            settings.Link(SurveyLink.Path(keys.UnprotectToken(x.i.TokenProtected))),
            x.i.InviteOn, x.i.RemindOn, x.i.InvitedAt, x.i.RemindedAt, x.i.Status))];
    }
}
