using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Scheduling;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>
/// The 2024 demo with its program loaded, every participant in a group (round robin, as a published
/// split would leave them) and one published meeting each for the Phoenix and Salt Lake City groups
/// on Wednesday May 8 at 11:00 local time.
/// </summary>
internal sealed class ItineraryFixture : IAsyncDisposable
{
    public const int Year = 2024;
    public static readonly DateTime MeetingStart = new(2024, 5, 8, 11, 0, 0);

    private ItineraryFixture(TestDatabase database, TmsswDbContext db)
    {
        Database = database;
        Db = db;
        Audit = new AuditLog(db, TimeProvider.System);
        Get = new GetItinerary(db);
        Tokens = new ManageFeedToken(db, new EphemeralDataProtectionProvider(), Audit, TimeProvider.System);
        Calendar = new GetCalendar(Get, Tokens, TimeProvider.System, new CalendarFeedCache(new CalendarFeedSettings()));
        SaveItem = new SaveProgramItem(db, Audit, TimeProvider.System);
        SaveLeg = new SaveTravelLeg(db, Audit, TimeProvider.System);
    }

    public TestDatabase Database { get; }
    public TmsswDbContext Db { get; }
    public AuditLog Audit { get; }
    public GetItinerary Get { get; }
    public ManageFeedToken Tokens { get; }
    public GetCalendar Calendar { get; }
    public SaveProgramItem SaveItem { get; }
    public SaveTravelLeg SaveLeg { get; }
    public int EditionId { get; private set; }
    public Dictionary<string, int> GroupIds { get; } = [];
    public Dictionary<string, int> MeetingIds { get; } = [];
    public Dictionary<string, int> HostIds { get; } = [];

    /// <summary>The first participant (by id) of each city's group.</summary>
    public Dictionary<string, int> FirstMember { get; } = [];

    public static readonly UserScope Admin = UserScope.Admin("test");

    public static async Task<ItineraryFixture> CreateAsync(Provider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var db = await database.MigratedContextAsync();
        await new LoadDemo(db, TimeProvider.System).RunAsync();
        db.ChangeTracker.Clear();
        var f = new ItineraryFixture(database, db);
        await f.PrepareAsync();
        return f;
    }

    private async Task PrepareAsync()
    {
        EditionId = await Db.Editions.Where(e => e.Year == Year).Select(e => e.Id).SingleAsync();
        var groups = await Db.Groups.Where(g => g.EditionId == EditionId).OrderBy(g => g.CityId).ToListAsync();
        foreach (var g in groups)
        {
            GroupIds[g.CityId] = g.Id;
        }

        var people = await Db.Participants.Where(p => p.EditionId == EditionId).OrderBy(p => p.Id).ToListAsync();
        for (var i = 0; i < people.Count; i++)
        {
            var g = groups[i % groups.Count];
            people[i].GroupId = g.Id;
            FirstMember.TryAdd(g.CityId, people[i].Id);
        }

        foreach (var city in new[] { "phoenix", "salt-lake-city" })
        {
            var offer = await Db.MeetingOffers.Include(o => o.Host).Where(o => o.EditionId == EditionId && o.Host!.CityId == city).OrderBy(o => o.Id).FirstAsync();
            HostIds[city] = offer.HostOrganizationId;
            var meeting = new Meeting
            {
                EditionId = EditionId, GroupId = GroupIds[city], MeetingOfferId = offer.Id,
                Start = MeetingStart, End = MeetingStart.AddHours(1), Status = MeetingStatus.Confirmed,
            };
            Db.Meetings.Add(meeting);
            Db.SchedulePublications.Add(new SchedulePublication { GroupId = GroupIds[city], PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "test" });
            await Db.SaveChangesAsync();
            MeetingIds[city] = meeting.Id;
        }

        HostIds["austin"] = await Db.HostOrganizations.Where(h => h.CityId == "austin").Select(h => h.Id).FirstAsync();
        Db.ChangeTracker.Clear();
    }

    public static UserScope Participant(int id) => new("u-p", "participant", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: id);

    public static UserScope Interpreter(int groupId) => new("u-i", "interpreter", new HashSet<string> { Roles.Interpreter }, new HashSet<int>(), GroupId: groupId);

    public static UserScope Host(string city) => new("u-h", "host", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: city);

    public static UserScope Staff(int editionId) => new("u-s", "staff", new HashSet<string> { Roles.Staff }, new HashSet<int> { editionId });

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Database.DisposeAsync();
    }
}
