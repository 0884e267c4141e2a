using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;
using Tmssw.Core.Tests.Partners;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Alumni;

/// <summary>
/// The demo database with the real services (Identity included, as the CLI builds them), a settable clock,
/// and one alumnus (2017, Completed) per kind of reader the TLP labels tell apart, plus a participant who is
/// not an alumnus but shares the author's theme, region and agency (so only the status keeps them out).
/// </summary>
internal sealed class AlumniWorld : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private AlumniWorld(TestDatabase database, ServiceProvider services, TestClock clock)
    {
        Database = database;
        this.services = services;
        Clock = clock;
    }

    public TestDatabase Database { get; }

    public TestClock Clock { get; }

    /// <summary>Participant ids by kind: Author, SameTheme, SameRegion, SameAgency, Recipient, Other, NonAlumnus.</summary>
    public Dictionary<string, int> Ids { get; } = [];

    public static readonly UserScope Staff = new("staff", "Staff member", new HashSet<string> { Roles.Staff }, new HashSet<int>());

    public static async Task<AlumniWorld> CreateAsync(Provider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        var clock = new TestClock(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection().AddTmsswCore(database.Setting).AddTmsswIdentityCore();
        collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        collection.Replace(ServiceDescriptor.Singleton(new MailSettings(null, null)));
        var world = new AlumniWorld(database, collection.BuildServiceProvider(), clock);
        await using var db = database.NewContext();
        var edition = await db.Editions.Where(e => e.Year == 2017).Select(e => e.Id).SingleAsync();
        var now = clock.GetUtcNow();
        (string Kind, string Country, string Agency, string Theme, bool Completed)[] people =
        [
            ("Author", "SN", "Agency Alpha", "narcotics", true),
            ("SameTheme", "JP", "Agency Beta", "narcotics", true),
            ("SameRegion", "GH", "Agency Gamma", "cybercrime", true),
            ("SameAgency", "FR", "  agency   ALPHA ", "corruption", true),
            ("Recipient", "MX", "Agency Delta", "terrorism", true),
            ("Other", "DE", "Agency Epsilon", "corruption", true),
            ("NonAlumnus", "SN", "Agency Alpha", "narcotics", false),
        ];
        foreach (var (kind, code, agency, theme, completed) in people)
        {
            var country = Countries.FindByCode(code)!;
            var p = new Participant
            {
                EditionId = edition, GivenName = kind, FamilyName = "Tester", Country = code, Region = country.WorldRegion, Gender = "X",
                Sector = "law-enforcement", Agency = agency, Position = "Officer", Themes = [theme], Languages = ["en"], CreatedAt = now, UpdatedAt = now,
                Status = completed ? NominationStatus.Completed : NominationStatus.Confirmed,
            };
            db.Participants.Add(p);
            await db.SaveChangesAsync();
            world.Ids[kind] = p.Id;
            db.AlumniSharing.Add(new AlumniSharing { ParticipantId = p.Id, ShareName = true, UpdatedAt = now });
        }

        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>A signed-in Participant's scope, the alumnus facts read from the data as the web's CurrentUser reads them.</summary>
    public async Task<UserScope> ScopeOfAsync(string kind)
    {
        await using var db = Db();
        var id = Ids[kind];
        var facts = await AlumnusFacts.LoadAsync(db, id, CancellationToken.None);
        return new UserScope("user-" + kind, kind + " Tester", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: id, Alumnus: facts);
    }

    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public TmsswDbContext Db() => Database.NewContext();

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
