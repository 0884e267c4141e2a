using System.Diagnostics;
using Google.OrTools.Sat;
using Tmssw.Planning.Splits.Internal;

namespace Tmssw.Planning.Splits.Baselines;

/// <summary>The textbook CP-SAT model, for comparison: a boolean per participant×city, counts per city and
/// country as weighted sums, penalty helpers bounded only from below, no hint, no heuristics, no extra cuts.</summary>
public static class PlainCpSat
{
    /// <summary>Runs CP-SAT on the plain model for <see cref="SplitOptions.TimeLimit"/> with
    /// <see cref="SplitOptions.Workers"/> workers. The score is recomputed with <see cref="SplitScorer"/>.</summary>
    public static SplitResult Solve(SplitInstance instance, SplitOptions? options = null)
    {
        options ??= new SplitOptions();
        var clock = Stopwatch.StartNew();
        var ix = new Indexed(instance);
        var model = new SplitModel(ix, Enumerable.Range(0, ix.N).ToArray(), Enumerable.Range(0, ix.M).ToArray(), plain: true);
        using var solver = new CpSolver();
        solver.StringParameters = PlannerRun.Params(Math.Max(0.05, (options.TimeLimit - clock.Elapsed).TotalSeconds),
            Math.Max(1, options.Workers), options.Seed);
        using var reg = options.CancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model.Model, null);
        var none = new Dictionary<string, string>();
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            // Without a solution CP-SAT reports no meaningful bound (it reads 0), so none is returned.
            return new SplitResult(status == CpSolverStatus.Infeasible ? PlanningStatus.Infeasible : PlanningStatus.Unknown,
                null, null, none, null, none, [], clock.Elapsed.TotalSeconds);
        }

        var a = Enumerable.Repeat(-1, ix.N).ToArray();
        model.Decode(solver.BooleanValue, a);
        var eval = SplitScorer.Evaluate(ix, a, true);
        long bound = status == CpSolverStatus.Optimal ? (long)Math.Round(solver.ObjectiveValue) : (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
        bound = Math.Max(bound, eval.Score);
        return new SplitResult(eval.Score == bound ? PlanningStatus.Optimal : PlanningStatus.Feasible, eval.Score, bound,
            ix.ToDictionary(a), eval.Breakdown, none, [], clock.Elapsed.TotalSeconds);
    }
}
