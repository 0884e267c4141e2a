using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;

namespace Tmssw.Web.Startup;

/// <summary>
/// Migrates the database, loads the demo when it holds no edition yet (so a first run has something
/// to look at) and creates the first administrator.
/// </summary>
internal static class FirstStart
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var setting = scope.ServiceProvider.GetRequiredService<DatabaseSetting>();
        await DatabaseRegistration.MigrateAsync(db);
        logger.LogInformation("Database: {Database}", setting.Describe());
        if (!await db.Editions.AnyAsync())
        {
            var report = await scope.ServiceProvider.GetRequiredService<LoadDemo>().RunAsync();
            logger.LogInformation("Empty database: loaded the demo ({Report}).", report);

            // The demo edition is ready to click through: a published split and every group's week.
            // Tests turn this off (Demo:Plan=false) to start from the bare demo.
            if (configuration.GetValue("Demo:Plan", true))
            {
                Console.WriteLine("  Planning the demo edition's split and each group's week (a few seconds)...");
                var plan = await scope.ServiceProvider.GetRequiredService<PlanDemo>()
                    .RunAsync(TimeSpan.FromSeconds(configuration.GetValue("Demo:SplitSeconds", 5)), TimeSpan.FromSeconds(2));
                foreach (var line in plan.Lines)
                {
                    logger.LogInformation("Demo: {Line}", line);
                }
            }
        }

        await AdminBootstrap.RunAsync(scope.ServiceProvider, configuration, logger);
    }
}
