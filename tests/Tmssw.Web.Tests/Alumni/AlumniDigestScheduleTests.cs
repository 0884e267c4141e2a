using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Tmssw.Testing;
using Tmssw.Web.Jobs;

namespace Tmssw.Web.Tests.Alumni;

/// <summary>The weekly digest is a job of the shared Quartz store: Mondays at 06:00 UTC unless configured otherwise.</summary>
public sealed class AlumniDigestScheduleTests
{
    [Theory, ProviderData]
    public async Task The_digest_is_scheduled_every_Monday_at_six_UTC(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        _ = app.CreateClient();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var triggers = await scheduler.GetTriggersOfJob(AlumniDigestJob.Key);
        var trigger = Assert.Single(triggers);
        var first = trigger.NextFireTimeUtc;
        Assert.NotNull(first);
        Assert.Equal(DayOfWeek.Monday, first.Value.UtcDateTime.DayOfWeek);
        Assert.Equal(new TimeSpan(6, 0, 0), first.Value.UtcDateTime.TimeOfDay);
        var second = trigger.GetFireTimeAfter(first);
        Assert.Equal(TimeSpan.FromDays(7), second!.Value - first.Value);
    }

    [Theory, ProviderData]
    public async Task Off_turns_the_digest_job_off(Provider provider)
    {
        await using var app = new TmsswAppFactory(await TestDatabase.CreateAsync(provider)) { ExtraSettings = { ["Alumni:DigestSchedule"] = "off" } };
        _ = app.Server;
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.False(await scheduler.Exists(AlumniDigestJob.Key));
    }
}
