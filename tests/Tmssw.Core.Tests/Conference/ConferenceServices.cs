using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

/// <summary>
/// The demo on a fresh database with the app's own service registration: every
/// <see cref="ScopeAsync"/> is a separate DbContext (a separate connection), as two requests are.
/// </summary>
internal sealed class ConferenceServices : IAsyncDisposable
{
    private ConferenceServices(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public static async Task<ConferenceServices> CreateAsync(Provider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        var services = new ServiceCollection().AddLogging().AddTmsswCore(database.Setting).BuildServiceProvider();
        return new ConferenceServices(database, services);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> RunAsync<T, TUseCase>(Func<TUseCase, Task<T>> run)
        where TUseCase : notnull
    {
        await using var scope = Scope();
        return await run(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<T> QueryAsync<T>(Func<TmsswDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<TmsswDbContext>());
    }

    /// <summary>The demo conference's sessions in time order.</summary>
    public Task<List<int>> SessionIdsAsync() => QueryAsync(async db =>
    {
        var edition = await db.Editions.SingleAsync(e => e.Year == DemoDatabase.Year);
        return await db.ConferenceSessions.Where(s => s.EditionId == edition.Id).OrderBy(s => s.Start).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync();
    });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
