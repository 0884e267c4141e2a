using Tmssw.Core.Accounts;
using Tmssw.Core.Mail;

namespace Tmssw.Web.Jobs;

/// <summary>
/// Sends the approved messages (and failed ones whose retry time has come) every 30 seconds while the app
/// runs, when SMTP is configured. Approval stays a person's act: this only sends what was approved.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, MailSettings settings, ILogger<OutboxSender> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static readonly UserScope Sender = UserScope.Admin("outbox sender");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.CanSend)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<SendOutbox>().RunAsync(Sender, stoppingToken);
                if (outcome.Sent + outcome.Failed > 0)
                {
                    log.LogInformation("Outbox: {Sent} sent, {Failed} failed", outcome.Sent, outcome.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Outbox sending round failed; the messages stay and are retried");
            }
        }
    }
}
