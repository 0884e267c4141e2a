using Quartz;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;

namespace Tmssw.Web.Jobs;

/// <summary>
/// The weekly alumni digest (<c>Alumni:DigestSchedule</c>, a Quartz cron expression, Mondays at 06:00 UTC by
/// default; "off" turns it off): queues each subscriber's digest into the outbox, where staff approve it, on one
/// instance of the cluster. The same use case as <c>tmssw alumni digest</c>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlumniDigestJob(IServiceScopeFactory scopes, ILogger<AlumniDigestJob> log) : IJob
{
    public static readonly JobKey Key = new("alumni-digest", "system");

    public const string DefaultSchedule = "0 0 6 ? * MON";

    private static readonly UserScope Actor = UserScope.Admin("alumni digest job");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lines = await scope.ServiceProvider.GetRequiredService<QueueAlumniDigest>().RunAsync(Actor, dryRun: false, cancellationToken);
        log.LogInformation("Alumni digest: {Count} digest(s) queued in the outbox for approval", lines.Count);
    }
}
