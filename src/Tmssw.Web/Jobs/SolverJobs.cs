using System.Text.Json;
using Quartz;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Jobs;

namespace Tmssw.Web.Jobs;

/// <summary>One progress report of a running job: a solver's improving solution, or the outcome.</summary>
/// <remarks><see cref="IsProblem"/> marks an outcome the person must act on (shown as an error).</remarks>
public sealed record JobProgress(string Message, long? Score = null, long? Bound = null, double Seconds = 0, bool IsProblem = false);

/// <summary>
/// Starts long solver work for a page: writes the run (queued) in the database and hands it to Quartz,
/// whose clustered store lets any instance run it and take it up again when an instance dies. The
/// progress page reads the row (<see cref="GetJobProgress"/>), so it works on any instance.
/// </summary>
public sealed class SolverJobs(TmsswDbContext db, ISchedulerFactory schedulers, TimeProvider clock)
{
    public const string Group = "solver";
    public const string RunIdKey = "runId";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues a run of <paramref name="kind"/> with its inputs; <paramref name="lockKey"/> names what only
    /// one run may work on at once (an edition's split, a city group's week).
    /// </summary>
    public async Task<Guid> StartAsync(UserScope scope, string kind, string lockKey, string title, object parameters, CancellationToken cancellationToken)
    {
        var run = new JobRun
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            LockKey = lockKey,
            Title = title,
            OwnerUserId = scope.UserId,
            State = JobRunState.Queued,
            Phase = "queued",
            Parameters = JsonSerializer.Serialize(parameters, Json),
            CreatedAt = clock.GetUtcNow(),
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SolverRunJob>()
            .WithIdentity(JobKeyOf(run.Id))
            .UsingJobData(RunIdKey, run.Id.ToString())
            .RequestRecovery()
            .Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().StartNow().Build(), cancellationToken: cancellationToken);
        return run.Id;
    }

    public static JobKey JobKeyOf(Guid runId) => new("run-" + runId.ToString("N"), Group);

    public static T Read<T>(JobRun run) => JsonSerializer.Deserialize<T>(run.Parameters, Json)
        ?? throw new InvalidOperationException($"The job's inputs are missing ({run.Kind}).");
}
