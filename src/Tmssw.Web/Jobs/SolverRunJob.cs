using Quartz;

namespace Tmssw.Web.Jobs;

/// <summary>
/// The Quartz job for one solver run: thin, it only hands the run's id to <see cref="JobRunner"/> in a
/// fresh service scope. It requests recovery, so when the instance running it dies, another instance
/// (or this one restarted) fires it again with <see cref="IJobExecutionContext.Recovering"/> set.
/// </summary>
public sealed class SolverRunJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse(context.MergedJobDataMap.GetString(SolverJobs.RunIdKey)!);
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<JobRunner>();
        var outcome = await runner.RunAsync(runId, context.Scheduler.SchedulerInstanceId, context.Recovering, cancellationToken);
        if (outcome == JobRunner.Outcome.Wait)
        {
            // No free place yet (the cluster's limit, or another run on the same thing): try again shortly.
            await context.Scheduler.ScheduleJob(
                TriggerBuilder.Create().ForJob(context.JobDetail.Key).StartAt(DateTimeOffset.UtcNow + JobLimits.QueuePoll).Build(),
                cancellationToken: CancellationToken.None);
        }
    }
}
