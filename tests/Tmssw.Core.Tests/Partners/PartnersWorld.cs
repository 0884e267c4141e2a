using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Partners;

/// <summary>A clock the test sets.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The demo database with the real services (as the web app and the CLI build them), a settable clock,
/// and the demo's participants put in their city groups round robin (as a published split leaves them).
/// </summary>
internal sealed class PartnersWorld : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private PartnersWorld(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        Database = database;
        this.services = services;
        Clock = clock;
    }

    public static readonly UserScope Admin = UserScope.Admin("test");

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    public int EditionId { get; private set; }

    public Dictionary<string, int> GroupIds { get; } = [];

    public static async Task<PartnersWorld> CreateAsync(Provider provider, MailSettings? mail = null, bool assignGroups = true)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        var clock = new TestClock(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection().AddTmsswCore(database.Setting);
        collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        collection.Replace(ServiceDescriptor.Singleton(mail ?? new MailSettings(null, null)));
        var world = new PartnersWorld(database, collection.BuildServiceProvider(), clock);
        await using var db = database.NewContext();
        world.EditionId = await db.Editions.Where(e => e.Year == DemoDatabase.Year).Select(e => e.Id).SingleAsync();
        var groups = await db.Groups.Where(g => g.EditionId == world.EditionId).OrderBy(g => g.CityId).ToListAsync();
        foreach (var g in groups)
        {
            world.GroupIds[g.CityId] = g.Id;
        }

        if (assignGroups)
        {
            var people = await db.Participants.Where(p => p.EditionId == world.EditionId).OrderBy(p => p.Id).ToListAsync();
            for (var i = 0; i < people.Count; i++)
            {
                people[i].GroupId = groups[i % groups.Count].Id;
            }

            await db.SaveChangesAsync();
        }

        return world;
    }

    /// <summary>A fresh service scope (its own DbContext), as one request or one command has.</summary>
    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public TmsswDbContext Db() => Database.NewContext();

    public static UserScope Host(string cityId) =>
        new("host-" + cityId, "Partner in " + cityId, new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: cityId);

    public UserScope Staff() =>
        new("staff", "Staff member", new HashSet<string> { Roles.Staff }, new HashSet<int> { EditionId });

    public static UserScope OtherStaff() =>
        new("staff2", "Staff of another edition", new HashSet<string> { Roles.Staff }, new HashSet<int> { -1 });

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
