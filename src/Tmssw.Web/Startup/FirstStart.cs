using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;

namespace Tmssw.Web.Startup;

/// <summary>
/// Migrates the database and, when it holds no edition yet, loads the demo so that a first run has
/// something to look at.
/// </summary>
internal static class FirstStart
{
    public static async Task RunAsync(IServiceProvider services, ILogger logger)
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
    }
}
