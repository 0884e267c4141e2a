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
        }

        await AdminBootstrap.RunAsync(scope.ServiceProvider, configuration, logger);
    }
}
