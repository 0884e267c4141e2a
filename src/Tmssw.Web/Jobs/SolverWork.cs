using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Jobs;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;
using Tmssw.Planning.Splits;

namespace Tmssw.Web.Jobs;

/// <summary>Where a finished run sends the person.</summary>
public sealed record WorkResult(string ResultUrl);

/// <summary>
/// One kind of solver run: reads its inputs from the <see cref="JobRun"/> and calls one use case, as
/// the person who started it. The solvers themselves stay pure functions in Tmssw.Planning.
/// </summary>
public interface ISolverWork
{
    string Kind { get; }

    /// <summary>The solver's time limit, for the progress percentage.</summary>
    double ExpectedSeconds(JobRun run);

    Task<WorkResult> RunAsync(UserScope owner, JobRun run, IProgress<JobProgress> progress, CancellationToken cancellationToken);
}

/// <summary>Inputs of a split run (<see cref="JobKinds.Split"/>).</summary>
public sealed record SplitRunInput(int Year, int EditionId, int Seconds);

/// <summary>Inputs of a re-plan after a withdrawal (<see cref="JobKinds.Replan"/>).</summary>
public sealed record ReplanInput(int Year, int EditionId, int Seconds, int? ParticipantId, string? Reason, string? CityId);

/// <summary>Inputs of a scheduler run on a city group's week (<see cref="JobKinds.Schedule"/>).</summary>
public sealed record ScheduleRunInput(int Year, string CityId, int Seconds);

public sealed class SplitRunWork(RunSplit runSplit) : ISolverWork
{
    public string Kind => JobKinds.Split;

    public double ExpectedSeconds(JobRun run) => SolverJobs.Read<SplitRunInput>(run).Seconds;

    public async Task<WorkResult> RunAsync(UserScope owner, JobRun run, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var input = SolverJobs.Read<SplitRunInput>(run);
        await Tmssw.Core.Data.FaultPoints.PauseIfAskedAsync(Tmssw.Core.Data.FaultPoints.SolverRun, cancellationToken);
        var outcome = await runSplit.RunAsync(owner, input.EditionId,
            new RunSplitOptions { TimeLimit = TimeSpan.FromSeconds(input.Seconds), Progress = new SplitLines(progress) }, cancellationToken);
        return outcome.Plan is { } plan
            ? new WorkResult($"/manage/{input.Year}/split?v={plan.Version}")
            : throw new InvalidOperationException($"no plan ({outcome.Result.Status}). {string.Join(" ", outcome.Result.Conflicts)}");
    }
}

public sealed class ReplanWork(ReplanAfterWithdrawal replan) : ISolverWork
{
    public string Kind => JobKinds.Replan;

    public double ExpectedSeconds(JobRun run) => SolverJobs.Read<ReplanInput>(run).Seconds;

    public async Task<WorkResult> RunAsync(UserScope owner, JobRun run, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var input = SolverJobs.Read<ReplanInput>(run);
        var withdrawal = input.ParticipantId is { } pid ? new Withdrawal(pid, input.Reason) : new Withdrawal(CityId: input.CityId);
        var outcome = await replan.RunAsync(owner, input.EditionId, withdrawal,
            new RunSplitOptions { TimeLimit = TimeSpan.FromSeconds(input.Seconds), Progress = new SplitLines(progress) }, cancellationToken);
        return outcome.Succeeded
            ? new WorkResult($"/manage/{input.Year}/split/compare?a={outcome.Run!.Build.Published!.Version}&b={outcome.Run.Plan!.Version}")
            : throw new InvalidOperationException(outcome.Error);
    }
}

public sealed class ScheduleRunWork(RunSchedule runSchedule) : ISolverWork
{
    public string Kind => JobKinds.Schedule;

    public double ExpectedSeconds(JobRun run) => SolverJobs.Read<ScheduleRunInput>(run).Seconds;

    public async Task<WorkResult> RunAsync(UserScope owner, JobRun run, IProgress<JobProgress> progress, CancellationToken cancellationToken)
    {
        var input = SolverJobs.Read<ScheduleRunInput>(run);
        var outcome = await runSchedule.RunAsync(
            input.Year,
            input.CityId,
            owner,
            new ScheduleRunSettings
            {
                TimeLimit = TimeSpan.FromSeconds(input.Seconds),
                SolverCancellation = cancellationToken,
                Progress = p => progress.Report(new JobProgress(
                    string.Create(CultureInfo.InvariantCulture, $"score {p.Score}, bound {p.Bound}"), p.Score, p.Bound, p.Seconds)),
            },
            cancellationToken);
        progress.Report(new JobProgress(outcome.Describe(), IsProblem: !outcome.Succeeded));
        return new WorkResult($"/manage/{input.Year}/schedule/{Uri.EscapeDataString(input.CityId)}?run={run.Id}");
    }
}

/// <summary>Each improving plan the split solver finds, as a line of the job's progress.</summary>
internal sealed class SplitLines(IProgress<JobProgress> job) : IProgress<SplitProgress>
{
    public void Report(SplitProgress value) =>
        job.Report(new JobProgress($"{value.Source}: score {value.Score}" + (value.Bound is { } b ? $", bound {b}" : ""), value.Score, value.Bound, value.Elapsed.TotalSeconds));
}
