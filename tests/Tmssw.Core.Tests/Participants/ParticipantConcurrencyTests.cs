using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

/// <summary>Two people saving the same participant: the second save is a conflict, nothing is lost.</summary>
public sealed class ParticipantConcurrencyTests
{
    private static ParticipantInput Input(string given) => new()
    {
        GivenName = given,
        FamilyName = "Mendoza",
        Country = "EC",
        Gender = "F",
        Sector = "Government",
        Agency = "Ministry of Interior",
        Position = "Analyst",
        Themes = "Border security",
        Languages = "es, en",
    };

    [Theory, ProviderData]
    public async Task The_second_save_from_the_same_version_is_a_conflict_showing_the_first_and_saving_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = new ServiceCollection().AddTmsswCore(database.Setting).AddTmsswIdentityCore().BuildServiceProvider();
        int editionId, id;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            await DatabaseRegistration.MigrateAsync(db);
            db.Editions.Add(new Tmssw.Core.Editions.Edition { Year = 2032, Title = "Concurrency (synthetic)" });
            await db.SaveChangesAsync();
            editionId = db.Editions.Single().Id;
            var created = await scope.ServiceProvider.GetRequiredService<SaveParticipant>().RunAsync(UserScope.Admin(), editionId, null, Input("Lucía"));
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
            id = created.Id!.Value;
        }

        var version = await Version(services, id);
        async Task<SaveOutcome> Save(string given, int? seen, string who)
        {
            await using var scope = services.CreateAsyncScope();
            var input = Input(given);
            input.Version = seen;
            return await scope.ServiceProvider.GetRequiredService<SaveParticipant>().RunAsync(UserScope.Admin(who), editionId, id, input);
        }

        // Both opened the form at the same version; the first save wins and raises the version.
        var first = await Save("Lucía Fernanda", version, "first staff");
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.Values));
        Assert.Equal(version + 1, await Version(services, id));

        var second = await Save("Lucy", version, "second staff");
        Assert.False(second.Succeeded);
        Assert.NotNull(second.Conflict);
        Assert.Equal("Lucía Fernanda", second.Conflict.Stored.GivenName);
        Assert.Equal(version + 1, second.Conflict.StoredVersion);
        Assert.Equal("first staff", second.Conflict.ChangedBy);

        // Nothing of the second save was written.
        await using (var scope = services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == id);
            Assert.Equal("Lucía Fernanda", stored.GivenName);
        }

        // Having seen both, saving again from the stored version replaces it knowingly.
        var again = await Save("Lucy", second.Conflict.StoredVersion, "second staff");
        Assert.True(again.Succeeded, string.Join(" ", again.Errors.Values));
        Assert.Equal(version + 2, await Version(services, id));

        // The race the read cannot see: the row's version moved between the read and the write.
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var tracked = await db.Participants.SingleAsync(p => p.Id == id);
            db.Entry(tracked).Property(p => p.Version).OriginalValue = version;
            tracked.Version = version + 9;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        }
    }

    private static async Task<int> Version(IServiceProvider services, int id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().Participants.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }
}
