using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

internal static class SplitDrafts
{
    public static async Task<(SplitPlan? Plan, SplitAssignment? Assignment, string? Error)> FindAsync(
        TmsswDbContext db, int editionId, int version, int participantId, CancellationToken cancellationToken)
    {
        var plan = await SplitPlans.FindAsync(db, editionId, version, cancellationToken);
        if (plan is null)
        {
            return (null, null, $"There is no split version {version}.");
        }

        if (plan.IsPublished)
        {
            return (plan, null, $"Version {version} is published: save it as a new version, change that one, then publish it.");
        }

        var assignment = plan.Assignments.FirstOrDefault(a => a.ParticipantId == participantId);
        return assignment is null
            ? (plan, null, $"Participant {participantId} is not in version {version}.")
            : (plan, assignment, null);
    }

    /// <summary>A manual change keeps the solver's bound (still an upper bound: locks only shrink the choice) and makes the status Manual.</summary>
    public static SplitEvaluation Rescore(SplitPlan plan)
    {
        var evaluation = SplitPlans.Evaluate(plan);
        plan.Score = evaluation.Score;
        plan.SolverStatus = "Manual";
        return evaluation;
    }
}
