using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;
using Tmssw.Planning;
using Tmssw.Planning.Scheduling;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Scheduling;

/// <summary>The scheduling use cases on the demo edition, on both providers.</summary>
public sealed class ScheduleUseCaseTests
{
    private static readonly UserScope Tester = UserScope.Admin("test");
    private static readonly ScheduleRunSettings Quick = new() { TimeLimit = TimeSpan.FromSeconds(5) };

    private sealed class UseCases(TmsswDbContext db)
    {
        public TmsswDbContext Db { get; } = db;
        public BuildScheduleInstance Build { get; } = new(db);
        public AuditLog Audit { get; } = new(db, TimeProvider.System);
        public RunSchedule Run => new(Db, Build, Audit);
        public GetGroupWeek Week => new(Db, Build);
        public ChangeMeetingStatus Status => new(Db, Audit);
        public DeclineAndReschedule Decline => new(Db, Build, Run, Audit);
        public MoveMeeting Move => new(Db, Build, Audit);
        public PublishSchedule Publish => new(Db, Build, Audit, TimeProvider.System, Outbox);
        public Tmssw.Core.Mail.Outbox Outbox { get; } = new(db, Protection, new Tmssw.Core.Participants.SensitiveFields(Protection), new Tmssw.Core.Mail.MailSettings(null, null), TimeProvider.System);
        private static readonly Microsoft.AspNetCore.DataProtection.IDataProtectionProvider Protection = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
        public SaveMeetingOffer SaveOffer => new(Db, Build, Audit);
        public SaveBusyItem Busy => new(Db, Build, Audit);
    }

    private static async Task<(TestDatabase Database, TmsswDbContext Db, UseCases Use)> DemoAsync(Provider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        var db = database.NewContext();
        return (database, db, new UseCases(db));
    }

    [Theory, ProviderData]
    public async Task The_instance_for_phoenix_has_its_zone_weekdays_offers_venues_and_arrival(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        var (built, error) = await use.Build.RunAsync(2024, "phoenix");
        Assert.Null(error);
        var i = built!.Solve;
        Assert.Equal("America/Phoenix", i.TimeZone);
        Assert.Equal([new(2024, 5, 8), new(2024, 5, 9), new(2024, 5, 10), new(2024, 5, 13), new(2024, 5, 14)], i.Days);
        Assert.Equal(new DayRules(new(9, 0), new(17, 30), new LunchBreak(new(12, 0), new(13, 0)), 4), i.Day);
        Assert.Equal((2.0, 15), (i.Travel.MinutesPerKm, i.Travel.MinimumMinutes));
        Assert.Equal(9, i.Offers.Count);
        Assert.All(i.Offers, o => Assert.NotEmpty(o.Windows));
        Assert.All(i.Offers.SelectMany(o => o.Windows), w => Assert.Contains(DateOnly.FromDateTime(w.Start), i.Days));
        Assert.Equal(7, i.Venues.Count);
        Assert.All(i.Venues, v => Assert.InRange(v.Lat, 33.0, 34.0));
        Assert.Single(i.Offers, o => o.Required && o.Host == "phx-dea" && o.Minutes == 120);
        var group = Assert.Single(i.Groups);
        Assert.Equal([new LocalSpan(new(2024, 5, 8, 9, 0, 0), new(2024, 5, 8, 10, 30, 0))], group.Busy);

        // The file format round-trips what was built: the CLI's --input mode reads the same thing.
        Assert.DoesNotContain(ScheduleScorer.Evaluate(i, []).Violations, v => v.Kind != ViolationKind.RequiredMissing);
        Assert.Equal("No city 'atlantis'.", (await use.Build.RunAsync(2024, "atlantis")).Error);
        Assert.Contains("no city split", (await use.Build.RunAsync(2024, "new-york")).Error);
    }

    [Theory, ProviderData]
    public async Task A_run_saves_a_valid_week_and_the_week_shows_it_with_travel_and_lunch(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        var outcome = await use.Run.RunAsync(2024, "phoenix", Tester, Quick);
        Assert.True(outcome.Succeeded, outcome.Describe());
        Assert.Equal(outcome.Result!.Meetings.Count, outcome.Saved);
        Assert.True(outcome.Saved >= 8);

        db.ChangeTracker.Clear();
        var saved = await db.Meetings.AsNoTracking().ToListAsync();
        Assert.Equal(outcome.Saved, saved.Count);
        Assert.All(saved, m => Assert.Equal(MeetingStatus.Planned, m.Status));

        var (week, error) = await use.Week.RunAsync(Tester, 2024, "phoenix");
        Assert.Null(error);
        Assert.Empty(week!.Violations);
        Assert.Equal(outcome.Result.Score, week.Score);
        Assert.Equal(5, week.Days.Count);
        Assert.All(week.Days, d => Assert.Contains(d.Fixed, f => f.Label == "Lunch"));
        Assert.Contains(week.Days[0].Fixed, f => f.Label == ScheduleRules.DefaultArrivalLabel);
        Assert.All(week.Days, d => Assert.All(d.Meetings.Skip(1), m => Assert.NotNull(m.TravelMinutesFromPrevious)));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ScheduleRun"));

        // A second run with nothing changed moves nothing it need not: still valid, same score.
        var again = await use.Run.RunAsync(2024, "phoenix", Tester, Quick);
        Assert.True(again.Succeeded);
        Assert.Equal(outcome.Result.Score, again.Result!.Score);
    }

    [Theory, ProviderData]
    public async Task Phoenix_keeps_standard_time_in_May_while_Salt_Lake_City_is_on_daylight_time(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        foreach (var city in new[] { "phoenix", "salt-lake-city" })
        {
            var group = await db.Groups.SingleAsync(g => g.CityId == city);
            var offer = await db.MeetingOffers.Where(o => o.Host!.CityId == city).OrderBy(o => o.Id).FirstAsync();
            db.Meetings.Add(new Meeting
            {
                EditionId = group.EditionId, GroupId = group.Id, MeetingOfferId = offer.Id,
                Start = new DateTime(2024, 5, 9, 14, 0, 0), End = new DateTime(2024, 5, 9, 14, 0, 0).AddMinutes(offer.DurationMinutes),
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var phoenix = (await use.Week.RunAsync(Tester, 2024, "phoenix")).Week!.Meetings.Single();
        var slc = (await use.Week.RunAsync(Tester, 2024, "salt-lake-city")).Week!.Meetings.Single();
        Assert.Equal(new DateTime(2024, 5, 9, 14, 0, 0), phoenix.Start);
        Assert.Equal(new DateTime(2024, 5, 9, 14, 0, 0), slc.Start);
        Assert.Equal(TimeSpan.FromHours(-7), phoenix.StartInstant.Offset);
        Assert.Equal(TimeSpan.FromHours(-6), slc.StartInstant.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 9, 21, 0, 0, TimeSpan.Zero), phoenix.StartInstant.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 5, 9, 20, 0, 0, TimeSpan.Zero), slc.StartInstant.ToUniversalTime());
    }

    [Theory, ProviderData]
    public async Task A_week_across_the_spring_clock_change_keeps_local_times_and_shifts_the_offset(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        // A week in Salt Lake City from Thu 2024-03-07 to Wed 2024-03-13: clocks go forward on Sun 03-10.
        var edition = new Edition
        {
            Year = 2099, Ordinal = 99, Title = "DST test edition",
            Phases = [new Phase { Kind = PhaseKind.CitySplit, Name = "City split", StartDate = new(2024, 3, 7), EndDate = new(2024, 3, 13), CityIds = ["salt-lake-city"] }],
        };
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
        db.Groups.Add(new Group { EditionId = edition.Id, CityId = "salt-lake-city", Name = "DST group" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var host = await db.HostOrganizations.SingleAsync(h => h.Code == "slc-fbi");
        foreach (var (topic, windows, required) in new[]
        {
            ("Before the change", "2024-03-08 13:00-14:00", true),
            ("After the change", "2024-03-11 13:00-14:00", true),
            ("Any afternoon", "Mon-Fri 14:00-17:00", false),
        })
        {
            var (id, errors) = await use.SaveOffer.RunAsync(2099, "salt-lake-city",
                new OfferInput(null, host.Id, topic, "cybercrime", 60, null, 5, required, windows), Tester);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Values));
            Assert.NotNull(id);
        }

        var (built, _) = await use.Build.RunAsync(2099, "salt-lake-city");
        Assert.Equal([new(2024, 3, 7), new(2024, 3, 8), new(2024, 3, 11), new(2024, 3, 12), new(2024, 3, 13)], built!.Solve.Days);

        var outcome = await use.Run.RunAsync(2099, "salt-lake-city", Tester, Quick);
        Assert.True(outcome.Succeeded, outcome.Describe());
        var week = (await use.Week.RunAsync(Tester, 2099, "salt-lake-city")).Week!;
        Assert.Empty(week.Violations);
        var before = week.Meetings.Single(m => m.Topic == "Before the change");
        var after = week.Meetings.Single(m => m.Topic == "After the change");
        Assert.Equal(new DateTime(2024, 3, 8, 13, 0, 0), before.Start);
        Assert.Equal(new DateTime(2024, 3, 11, 13, 0, 0), after.Start);
        Assert.Equal(TimeSpan.FromHours(-7), before.StartInstant.Offset);
        Assert.Equal(TimeSpan.FromHours(-6), after.StartInstant.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 20, 0, 0, TimeSpan.Zero), before.StartInstant.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 19, 0, 0, TimeSpan.Zero), after.StartInstant.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(-7), week.Days[1].UtcOffset);
        Assert.Equal(TimeSpan.FromHours(-6), week.Days[2].UtcOffset);

        // Stored as the wall clock, not shifted by the change.
        db.ChangeTracker.Clear();
        Assert.Contains(await db.Meetings.AsNoTracking().Select(m => m.Start).ToListAsync(), s => s == new DateTime(2024, 3, 11, 13, 0, 0));
    }

    [Theory, ProviderData]
    public async Task Declining_a_meeting_reschedules_the_rest_moving_few_and_keeping_the_others(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        Assert.True((await use.Run.RunAsync(2024, "salt-lake-city", Tester, Quick)).Succeeded);
        db.ChangeTracker.Clear();
        var before = await db.Meetings.AsNoTracking().ToListAsync();
        var victim = before.OrderByDescending(m => m.End - m.Start).First();
        Assert.True((await use.Status.RunAsync(2024, "salt-lake-city", victim.Id, MeetingStatus.Requested, Tester)).Succeeded);

        var outcome = await use.Decline.RunAsync(2024, "salt-lake-city", victim.Id, Tester, Quick);
        Assert.True(outcome.Succeeded, outcome.Describe());
        Assert.InRange(outcome.Moved, 0, 2);

        db.ChangeTracker.Clear();
        var after = await db.Meetings.AsNoTracking().ToListAsync();
        Assert.Equal(MeetingStatus.Declined, after.Single(m => m.Id == victim.Id).Status);
        Assert.DoesNotContain(after, m => m.MeetingOfferId == victim.MeetingOfferId && m.Status != MeetingStatus.Declined);
        var afterStarts = after.Where(m => m.Status != MeetingStatus.Declined).ToDictionary(m => m.MeetingOfferId, m => m.Start);
        var changed = before.Where(m => m.Id != victim.Id)
            .Count(m => !afterStarts.TryGetValue(m.MeetingOfferId, out var s) || s != m.Start);
        Assert.Equal(outcome.Moved, changed);
        var (week, _) = await use.Week.RunAsync(Tester, 2024, "salt-lake-city");
        Assert.Empty(week!.Violations);
        Assert.Single(week.Declined);
    }

    [Theory, ProviderData]
    public async Task The_status_lifecycle_refuses_skipped_and_final_moves(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;
        Assert.True((await use.Run.RunAsync(2024, "phoenix", Tester, Quick)).Succeeded);
        var id = await db.Meetings.Select(m => m.Id).FirstAsync();

        var skip = await use.Status.RunAsync(2024, "phoenix", id, MeetingStatus.Confirmed, Tester);
        Assert.False(skip.Succeeded);
        Assert.Contains("can become Requested", skip.Error);
        var declinePlanned = await use.Decline.RunAsync(2024, "phoenix", id, Tester, Quick);
        Assert.False(declinePlanned.Succeeded);
        Assert.Contains("cannot become Declined", declinePlanned.Error);

        Assert.True((await use.Status.RunAsync(2024, "phoenix", id, MeetingStatus.Requested, Tester)).Succeeded);
        Assert.True((await use.Status.RunAsync(2024, "phoenix", id, MeetingStatus.Confirmed, Tester)).Succeeded);
        Assert.True((await use.Status.RunAsync(2024, "phoenix", id, MeetingStatus.Thanked, Tester)).Succeeded);
        var final = await use.Status.RunAsync(2024, "phoenix", id, MeetingStatus.Planned, Tester);
        Assert.Contains("cannot change any more", final.Error);

        // Another city's meeting is not found through this city.
        Assert.False((await use.Status.RunAsync(2024, "tucson", id, MeetingStatus.Requested, Tester)).Succeeded);
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "MeetingStatus"));

        // A thanked (kept) meeting stays where it is when the week is solved again.
        db.ChangeTracker.Clear();
        var kept = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.True((await use.Run.RunAsync(2024, "phoenix", Tester, Quick)).Succeeded);
        db.ChangeTracker.Clear();
        var still = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == id);
        Assert.Equal((kept.Start, MeetingStatus.Thanked), (still.Start, still.Status));
    }

    [Theory, ProviderData]
    public async Task A_manual_move_onto_another_meeting_is_saved_locked_and_reported_as_a_conflict(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;
        Assert.True((await use.Run.RunAsync(2024, "phoenix", Tester, Quick)).Succeeded);
        db.ChangeTracker.Clear();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Start).ToListAsync();
        var (a, b) = (meetings[0], meetings[^1]);

        var moved = await use.Move.RunAsync(2024, "phoenix", b.Id, a.Start, Tester);
        Assert.True(moved.Result.Succeeded, moved.Result.Error);
        Assert.Contains(moved.Conflicts, c => c.Kind == ViolationKind.GroupOverlap);
        Assert.Contains(moved.ConflictMessages, m => m.StartsWith("Phoenix group has “", StringComparison.Ordinal) && m.Contains("at the same time"));
        db.ChangeTracker.Clear();
        var saved = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == b.Id);
        Assert.True(saved.Locked);
        Assert.Equal(a.Start, saved.Start);

        var week = (await use.Week.RunAsync(Tester, 2024, "phoenix")).Week!;
        Assert.NotEmpty(week.Meetings.Single(m => m.Id == b.Id).Conflicts);
        var publish = await use.Publish.RunAsync(2024, "phoenix", Tester);
        Assert.False(publish.Succeeded);
        Assert.Contains("conflicts", publish.Error);

        var offGrid = await use.Move.RunAsync(2024, "phoenix", b.Id, new DateTime(2024, 5, 9, 10, 7, 0), Tester);
        Assert.Contains("quarter hour", offGrid.Result.Error);
        var offDay = await use.Move.RunAsync(2024, "phoenix", b.Id, new DateTime(2024, 5, 11, 10, 0, 0), Tester);
        Assert.Contains("not a program day", offDay.Result.Error);

        // Moved back to a free time, the week is valid again and can be published.
        Assert.True((await use.Move.RunAsync(2024, "phoenix", b.Id, b.Start, Tester)).Conflicts.Count == 0);
        Assert.True((await use.Publish.RunAsync(2024, "phoenix", Tester)).Succeeded);
        Assert.True((await use.Week.RunAsync(Tester, 2024, "phoenix")).Week!.IsPublished);
    }

    [Theory, ProviderData]
    public async Task A_fixed_item_keeps_the_arrival_and_the_scheduler_keeps_meetings_clear_of_both(Provider provider)
    {
        var (database, db, use) = await DemoAsync(provider);
        await using var _ = database;
        await using var __ = db;

        var added = await use.Busy.AddAsync(2024, "phoenix", "Site visit: port of entry", new DateOnly(2024, 5, 9), new TimeOnly(9, 0), new TimeOnly(12, 0), Tester);
        Assert.True(added.Succeeded, added.Error);
        Assert.False((await use.Busy.AddAsync(2024, "phoenix", "Weekend", new DateOnly(2024, 5, 11), new TimeOnly(9, 0), new TimeOnly(12, 0), Tester)).Succeeded);
        db.ChangeTracker.Clear();

        var (built, _) = await use.Build.RunAsync(2024, "phoenix");
        Assert.False(built!.Source.BusyIsDefault);
        Assert.Equal(
            [new LocalSpan(new(2024, 5, 8, 9, 0, 0), new(2024, 5, 8, 10, 30, 0)), new LocalSpan(new(2024, 5, 9, 9, 0, 0), new(2024, 5, 9, 12, 0, 0))],
            built.Solve.Groups.Single().Busy);

        Assert.True((await use.Run.RunAsync(2024, "phoenix", Tester, Quick)).Succeeded);
        var week = (await use.Week.RunAsync(Tester, 2024, "phoenix")).Week!;
        Assert.Empty(week.Violations);
        Assert.DoesNotContain(week.Meetings, m => m.Start < new DateTime(2024, 5, 9, 12, 0, 0) && m.End > new DateTime(2024, 5, 9, 9, 0, 0));
        Assert.Contains(week.Days[1].Fixed, f => f.Label == "Site visit: port of entry" && f.BusyId is not null);
    }
}
