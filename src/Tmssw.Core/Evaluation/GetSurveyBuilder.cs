using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>A survey with its questions and choices (in order), the edition's objectives, and whether anyone has answered.</summary>
public sealed record SurveyBuilderView(Survey Survey, IReadOnlyDictionary<int, string> Objectives, bool Answered, int Responses);

/// <summary>What the builder shows for one survey: staff of the edition only.</summary>
public sealed class GetSurveyBuilder(TmsswDbContext db)
{
    public async Task<SurveyBuilderView> RunAsync(UserScope scope, int year, int surveyId, CancellationToken ct = default)
    {
        await SurveyAccess.FindAsync(db, scope, year, surveyId, ct);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Choices).AsSplitQuery().FirstAsync(s => s.Id == surveyId, ct);
        survey.Questions = [.. survey.Questions.OrderBy(q => q.Order)];
        foreach (var q in survey.Questions)
        {
            q.Choices = [.. q.Choices.OrderBy(c => c.Order)];
        }

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.EditionId == survey.EditionId).OrderBy(o => o.Number).ToDictionaryAsync(o => o.Number, o => o.Text, ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);
        return new SurveyBuilderView(survey, objectives, responses > 0, responses);
    }
}
