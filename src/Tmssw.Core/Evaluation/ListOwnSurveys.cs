using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>One survey in someone's own list: its title in their language, who it is for, its link (a path), and where it stands.</summary>
public sealed record OwnSurveyLine(int SurveyId, SurveyKind Kind, string Title, string Respondent, string LinkPath, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, InvitationStatus Status, bool Open);

/// <summary>
/// The surveys someone signed in is invited to (<see cref="UserScope.OwnsInvitation"/>): a Participant
/// their own, a Host the host-community surveys of its city's organizations. Nobody else's.
/// </summary>
public sealed class ListOwnSurveys(TmsswDbContext db, RespondentKeys keys, TimeProvider clock)
{
    public async Task<IReadOnlyList<OwnSurveyLine>> RunAsync(UserScope scope, string language, CancellationToken ct = default)
    {
        var participantId = scope.IsParticipant ? scope.ParticipantId : null;
        var cityId = scope.IsHost ? scope.CityId : null;
        if (participantId is null && cityId is null)
        {
            return [];
        }

        var rows = await db.SurveyInvitations.AsNoTracking()
            .Join(db.Surveys, i => i.SurveyId, s => s.Id, (i, s) => new { i, s })
            .Where(x => (participantId != null && x.i.ParticipantId == participantId)
                || (cityId != null && db.HostOrganizations.Any(h => h.Id == x.i.HostOrganizationId && h.CityId == cityId)))
            .ToListAsync(ct);
        var cities = await db.HostOrganizations.AsNoTracking().Where(h => h.CityId == cityId).ToDictionaryAsync(h => h.Id, h => h.CityId, ct);
        var now = clock.GetUtcNow();
        return [.. rows
            .Where(x => scope.OwnsInvitation(x.i.ParticipantId, x.i.HostOrganizationId is { } h ? cities.GetValueOrDefault(h) : null))
            .OrderByDescending(x => x.s.OpensAt).ThenBy(x => x.i.ContactName)
            .Select(x => new OwnSurveyLine(x.s.Id, x.s.Kind, x.s.Title.For(language), x.i.ContactName, SurveyLink.Path(keys.UnprotectToken(x.i.TokenProtected)),
                x.s.OpensAt, x.s.ClosesAt, x.i.Status, x.s.IsOpenAt(now)))];
    }
}
