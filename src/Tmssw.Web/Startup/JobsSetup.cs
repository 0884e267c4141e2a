using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using Tmssw.Core.Data;
using Tmssw.Core.Retention;
using Tmssw.Web.Jobs;
using Tmssw.Web.Shared;

namespace Tmssw.Web.Startup;

/// <summary>
/// Jobs and uploads shared by every instance: Quartz.NET with its ADO.NET job store, clustered, on the
/// app's own database (PostgreSQL or SQLite; Quartz creates its tables at start; the job runs and uploads come with the <c>Jobs</c> migration), the solver
/// runs and their limits, the upload store, housekeeping and the retention job.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddTmsswJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSetting setting)
    {
        var limits = JobLimits.From(configuration);
        services.AddSingleton(limits);
        services.AddSingleton(UploadLimits.From(configuration));
        services.Replace(ServiceDescriptor.Singleton(new RetentionSettings(Math.Max(1, configuration.GetValue("Retention:Months", RetentionSettings.DefaultMonths)))));
        services.AddScoped<UploadStore>();
        services.AddScoped<SolverJobs>();
        services.AddScoped<JobRunner>();
        services.AddScoped<ISolverWork, SplitRunWork>();
        services.AddScoped<ISolverWork, ReplanWork>();
        services.AddScoped<ISolverWork, ScheduleRunWork>();

        // Quartz says a lot at start; the console shows its warnings and errors only.
        services.AddLogging(logging => logging.AddFilter("Quartz", LogLevel.Warning));
        var retention = configuration["Retention:Schedule"] is { Length: > 0 } s ? s.Trim() : RetentionJob.DefaultSchedule;
        var digest = configuration["Alumni:DigestSchedule"] is { Length: > 0 } d ? d.Trim() : AlumniDigestJob.DefaultSchedule;
        services.AddQuartz(q =>
        {
            // Enough threads for this instance's share of solver runs plus the system jobs; the cluster-wide
            // bound is JobRunner's claim, not this pool.
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = limits.MaxConcurrentSolvers + 2);
            q.UsePersistentStore(store =>
            {
                // Quartz's own schema script for this provider, run at every start: it only creates what is
                // missing ("CREATE TABLE IF NOT EXISTS"), so it is safe on an existing database and twice.
                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.RecoverFiringsCancelledByShutdown = true; // a run stopped by a shutdown is taken up again
                });
                if (setting.IsPostgres)
                {
                    // Several instances share one PostgreSQL: a clustered store, so a run whose instance died is
                    // taken up by another one.
                    store.UsePostgres(setting.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                }
                else
                {
                    // SQLite is the one-instance database: Quartz refuses clustering on it ("cannot be used as
                    // clustered mode due to locking problems"). The store is still durable: the instance recovers
                    // the runs it was running when it restarts.
                    store.UseSqlite(setting.ConnectionString);
                }
            });
            q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity("housekeeping", "system")
                .StartNow().WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
            if (!string.Equals(retention, "off", StringComparison.OrdinalIgnoreCase))
            {
                q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity("retention", "system")
                    .WithCronSchedule(retention, c => c.InTimeZone(TimeZoneInfo.Utc)));
            }

            if (!string.Equals(digest, "off", StringComparison.OrdinalIgnoreCase))
            {
                q.AddJob<AlumniDigestJob>(j => j.WithIdentity(AlumniDigestJob.Key).StoreDurably());
                q.AddTrigger(t => t.ForJob(AlumniDigestJob.Key).WithIdentity("alumni-digest", "system")
                    .WithCronSchedule(digest, c => c.InTimeZone(TimeZoneInfo.Utc)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        return services;
    }
}
