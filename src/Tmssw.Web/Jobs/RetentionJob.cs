using Quartz;
using Tmssw.Core.Accounts;
using Tmssw.Core.Retention;

namespace Tmssw.Web.Jobs;

/// <summary>
/// The scheduled retention run (<c>Retention:Schedule</c>, a Quartz cron expression, nightly at 03:00
/// UTC by default; "off" turns it off): purges the sensitive fields of editions that ended more than
/// <c>Retention:Months</c> ago, on one instance of the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(IServiceScopeFactory scopes, ILogger<RetentionJob> log) : IJob
{
    public static readonly JobKey Key = new("retention", "system");

    public const string DefaultSchedule = "0 0 3 * * ?";

    private static readonly UserScope Actor = UserScope.Admin("retention job");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PurgeSensitiveFields>().RunAsync(Actor, dryRun: false, cancellationToken);
        foreach (var e in report.Editions)
        {
            log.LogInformation("Retention: the {Year} edition ended {Ended}; sensitive fields of {Count} participant(s) purged", e.Year, e.EndedOn, e.Participants);
        }
    }
}
