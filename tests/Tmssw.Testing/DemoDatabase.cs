using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core;
using Tmssw.Core.Demo;

namespace Tmssw.Testing;

/// <summary>
/// The set-up most database tests share: a fresh, migrated database of the given provider holding the
/// demo (ten editions; 2024 with 56 nominations in nine cities and 4 synthetic alumni, alumni of earlier editions, hosts and offers). Dispose it like a
/// <see cref="TestDatabase"/>.
/// </summary>
public static class DemoDatabase
{
    public const int Year = 2024;

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            await (await database.MigratedContextAsync()).DisposeAsync();

            // Through the app's own services, so the survey links the demo makes are protected with the
            // database's Data Protection keys, which the web app and the CLI read back.
            await using var services = new ServiceCollection().AddLogging().AddTmsswCore(database.Setting).BuildServiceProvider();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LoadDemo>().RunAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The id of the demo's 2024 edition (or of another year's).</summary>
    public static async Task<int> EditionIdAsync(this TestDatabase database, int year = Year)
    {
        await using var db = database.NewContext();
        return await db.Editions.Where(e => e.Year == year).Select(e => e.Id).SingleAsync();
    }
}
