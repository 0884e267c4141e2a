using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>Staff remove a question from a survey nobody has answered yet; the others close up. Audited.</summary>
public sealed class RemoveSurveyQuestion(TmsswDbContext db, AuditLog audit)
{
    public async Task<Result> RunAsync(UserScope scope, int year, int surveyId, int questionId, CancellationToken ct = default)
    {
        await SurveyAccess.FindAsync(db, scope, year, surveyId, ct);
        var questions = await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Order).ToListAsync(ct);
        var question = questions.FirstOrDefault(q => q.Id == questionId) ?? throw new OutOfScopeException($"question #{questionId}");
        if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId, ct))
        {
            return Result.Fail("People have answered this survey: its questions can no longer be removed.");
        }

        db.SurveyQuestions.Remove(question);
        questions.Remove(question);
        for (var i = 0; i < questions.Count; i++)
        {
            questions[i].Order = i + 1;
        }

        audit.Record(scope.Actor, "QuestionRemoved", nameof(SurveyQuestion), questionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("text", question.Text.En, null)]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
