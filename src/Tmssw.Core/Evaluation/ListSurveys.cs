using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>One survey on the staff list, with how many were invited, started and submitted.</summary>
public sealed record SurveyLine(int Id, SurveyKind Kind, string Title, bool Anonymous, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    int Questions, int Invited, int Started, int Submitted, int SyntheticResponses);

/// <summary>The edition's surveys for its staff (<see cref="UserScope.MayBuildSurveys"/>), in the order of the edition's life.</summary>
public sealed class ListSurveys(TmsswDbContext db)
{
    public async Task<IReadOnlyList<SurveyLine>> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var editionId = await SurveyAccess.EditionAsync(db, scope, year, ct);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.EditionId == editionId).ToListAsync(ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var questions = await db.SurveyQuestions.Where(q => ids.Contains(q.SurveyId)).GroupBy(q => q.SurveyId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var invitations = await db.SurveyInvitations.Where(i => ids.Contains(i.SurveyId)).GroupBy(i => new { i.SurveyId, i.Status })
            .Select(g => new { g.Key.SurveyId, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        var synthetic = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId) && r.IsSynthetic).GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        int Count(int id, InvitationStatus? status) => invitations.Where(i => i.SurveyId == id && (status is null || i.Status == status)).Sum(i => i.N);
        return [.. surveys.OrderBy(s => s.Kind).ThenBy(s => s.Id).Select(s => new SurveyLine(
            s.Id, s.Kind, s.Title.En, s.Anonymous, s.OpensAt, s.ClosesAt, questions.GetValueOrDefault(s.Id),
            Count(s.Id, null), Count(s.Id, InvitationStatus.Started), Count(s.Id, InvitationStatus.Submitted), synthetic.GetValueOrDefault(s.Id)))];
    }
}
