using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Tmssw.Core.Conference;
using Tmssw.Core.Editions;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

/// <summary>
/// A database with conference sessions and speakers from before the agenda model (speakers without
/// an edition, links without a role) upgrades on both engines: the speakers follow their sessions'
/// edition, each link becomes a speaker's, a speaker on no session is dropped.
/// </summary>
public sealed class AgendaMigrationTests
{
    [Theory, ProviderData]
    public async Task Sessions_and_speakers_stored_before_the_agenda_model_survive_the_upgrade(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_Itineraries", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            db.Editions.Add(new Edition { Year = 2030, Ordinal = 20, Title = "Old edition" });
            await db.SaveChangesAsync();
            var insertSession = "INSERT INTO \"ConferenceSessions\" (\"EditionId\", \"Title\", \"Room\", \"Start\", \"End\", \"Themes\") "
                + "SELECT \"Id\", 'Opening', 'Main hall', '2030-05-16 09:00:00', '2030-05-16 10:00:00', "
                + (provider == Provider.Postgres ? "ARRAY['terrorism']::text[]" : "'[\"terrorism\"]'") + " FROM \"Editions\"";
            await db.Database.ExecuteSqlRawAsync(insertSession);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Speakers\" (\"Name\", \"Title\", \"Organization\") VALUES ('On a session', 'SAC', 'FBI'), ('On none', NULL, NULL)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ConferenceSessionSpeakers\" (\"SessionsId\", \"SpeakersId\") SELECT s.\"Id\", p.\"Id\" FROM \"ConferenceSessions\" s, \"Speakers\" p WHERE p.\"Name\" = 'On a session'");
        }

        await using var migrated = await database.MigratedContextAsync();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
        var session = await migrated.ConferenceSessions.Include(s => s.Speakers).ThenInclude(x => x.Speaker).SingleAsync();
        var link = Assert.Single(session.Speakers);
        Assert.Equal(("On a session", SpeakerRole.Speaker, session.EditionId), (link.Speaker!.Name, link.Role, link.Speaker.EditionId));
        Assert.Equal(["On a session"], await migrated.Speakers.Select(s => s.Name).ToListAsync());
        Assert.Equal((false, 0, (int?)null), (session.Cancelled, session.Sequence, session.RoomId));
    }
}
