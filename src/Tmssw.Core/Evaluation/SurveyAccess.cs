using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>Finds an edition's survey for its builders (<see cref="UserScope.MayBuildSurveys"/>); anything else is out of scope (404).</summary>
internal static class SurveyAccess
{
    public static async Task<Survey> FindAsync(TmsswDbContext db, UserScope scope, int year, int surveyId, CancellationToken ct)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (editionId is not { } id || !scope.MayBuildSurveys(id))
        {
            throw new OutOfScopeException($"edition {year}");
        }

        return await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId && s.EditionId == id, ct)
            ?? throw new OutOfScopeException($"survey #{surveyId}");
    }

    public static async Task<int> EditionAsync(TmsswDbContext db, UserScope scope, int year, CancellationToken ct)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (editionId is not { } id || !scope.MayBuildSurveys(id))
        {
            throw new OutOfScopeException($"edition {year}");
        }

        return id;
    }
}
