using Microsoft.EntityFrameworkCore;
using Quartz;
using Tmssw.Core.Data;
using Tmssw.Core.Jobs;
using Tmssw.Web.Shared;

namespace Tmssw.Web.Jobs;

/// <summary>
/// Every few minutes, on one instance of the cluster at a time: deletes uploads older than an hour,
/// fails a running job whose instance stopped writing its heartbeat and that no instance took up
/// again, and fails a queued job that never reached the scheduler (its instance died in between).
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HousekeepingJob> log) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "system");

    /// <summary>Well past Quartz's own recovery (seconds), so a run it takes up again is not failed here.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var expired = await scope.ServiceProvider.GetRequiredService<UploadStore>().RemoveExpiredAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var now = clock.GetUtcNow();
        var before = now - Abandoned;
        var abandoned = await db.JobRuns.Where(r => r.State == JobRunState.Running && r.HeartbeatAt < before).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, JobRunState.Failed)
            .SetProperty(r => r.Phase, "failed")
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.Error, "The instance running this job stopped and no instance took it up again. Start it again."),
            cancellationToken);

        var lost = 0;
        var queued = await db.JobRuns.Where(r => r.State == JobRunState.Queued && r.CreatedAt < before).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in queued)
        {
            if (await context.Scheduler.GetJobDetail(SolverJobs.JobKeyOf(id), cancellationToken) is null)
            {
                lost += await db.JobRuns.Where(r => r.Id == id && r.State == JobRunState.Queued).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, JobRunState.Failed)
                    .SetProperty(r => r.Phase, "failed")
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, "The instance that queued this job stopped before handing it to the scheduler. Start it again."),
                    cancellationToken);
            }
        }

        if (expired + abandoned + lost > 0)
        {
            log.LogInformation("Housekeeping: {Expired} expired upload(s) deleted, {Abandoned} abandoned and {Lost} lost job(s) failed", expired, abandoned, lost);
        }
    }
}
