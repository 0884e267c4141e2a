using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Participants;
using Tmssw.Core.Posts;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Data;

/// <summary>The same tests, once per provider, against real engines.</summary>
public sealed class PersistenceTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 1, 15, 30, 0, TimeSpan.Zero);

    [Theory, ProviderData]
    public async Task Migrations_apply_to_an_empty_database_and_cover_the_whole_model(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();

        Assert.Equal(provider == Provider.Postgres ? "postgres" : "sqlite", db.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration covers: add a migration for both providers.");
    }

    [Theory, ProviderData]
    public async Task Every_entity_round_trips(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int participantId, planId, sessionId;
        await using (var db = await database.MigratedContextAsync())
        {
            var city = new City { Id = "phoenix", Name = "Phoenix", State = "AZ", TimeZone = "America/Phoenix", Latitude = 33.4484, Longitude = -112.074 };
            db.Cities.Add(city);
            var edition = new Edition
            {
                Year = 2030, Ordinal = 16, Title = "TMSSW 2030", StartDate = new(2030, 4, 29), EndDate = new(2030, 5, 17),
                Emphasis = "Synthetic opioids", ImplementingPartner = "Partner", ContactEmail = "x@example.org",
                Themes = ["narcotics", "cybercrime"], IsPublished = true,
                Objectives = [new() { Number = 1, Text = "Objective one" }],
                Phases = [new() { Kind = PhaseKind.CitySplit, Name = "Split", StartDate = new(2030, 5, 8), CityIds = ["phoenix"] }],
                Figures = [new() { Metric = FigureMetric.Countries, Value = 47, Qualifier = FigureQualifier.Over, Source = "Report", ReportedAfter = true }],
            };
            db.Editions.Add(edition);
            await db.SaveChangesAsync();

            var venue = new Venue { CityId = "phoenix", Name = "HQ", Address = "620 W Washington St", Latitude = 33.45, Longitude = -112.08 };
            var host = new HostOrganization { Code = "phx-pd", CityId = "phoenix", Name = "Phoenix Police", Kind = HostKind.LocalLawEnforcement, Venue = venue };
            var offer = new MeetingOffer
            {
                EditionId = edition.Id, Host = host, Topic = "Fentanyl", Themes = ["narcotics"], DurationMinutes = 90, Venue = venue, Value = 7, Required = true,
                Windows = [new() { Start = new(2030, 5, 8, 9, 0, 0), End = new(2030, 5, 8, 12, 0, 0) }],
            };
            db.MeetingOffers.Add(offer);
            var group = new Group { EditionId = edition.Id, CityId = "phoenix", Name = "Phoenix group", InterpretationLanguages = ["es"], InterpreterName = "Ana" };
            db.Groups.Add(group);
            await db.SaveChangesAsync();

            var participant = new Participant
            {
                EditionId = edition.Id, GivenName = "Nguyễn Thị", FamilyName = "Hương", Country = "VN", Region = "South-eastern Asia",
                Sector = "law-enforcement", Agency = "Ministry of Public Security", Position = "Lieutenant Colonel",
                Themes = ["narcotics", "cybercrime"], Languages = ["vi", "en"], InterpretationLanguage = "vi", Gender = "F",
                DietaryNeeds = "vegetarian", AccessibilityNeeds = "none", GroupId = group.Id,
                PassportNumberProtected = "CfDJ8-cipher", CreatedAt = Now, UpdatedAt = Now,
            };
            participant.ChangeStatus(NominationStatus.Vetted, "staff", "ok", Now);
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            participantId = participant.Id;

            var plan = new SplitPlan
            {
                EditionId = edition.Id, Version = 1, Name = "First", CreatedAt = Now, CreatedBy = "staff", IsPublished = true, PublishedAt = Now,
                SolverStatus = "Optimal", Score = 120, Bound = 120, SettingsJson = "{}",
                Assignments = [new() { ParticipantId = participant.Id, CityId = "phoenix", Locked = true, Explanation = "locked" }],
            };
            db.SplitPlans.Add(plan);
            db.Meetings.Add(new Meeting { EditionId = edition.Id, GroupId = group.Id, MeetingOfferId = offer.Id, Start = new(2030, 5, 8, 9, 0, 0), End = new(2030, 5, 8, 10, 30, 0), Locked = true, Notes = "n" });
            var session = new ConferenceSession
            {
                EditionId = edition.Id, Title = "Opening", Room = new() { EditionId = edition.Id, Name = "Hall", Capacity = 300 },
                Start = new(2030, 5, 16, 9, 0, 0), End = new(2030, 5, 16, 10, 0, 0), Themes = ["terrorism"], Objectives = [1, 3],
                Speakers = [new() { Role = SpeakerRole.Moderator, Speaker = new() { EditionId = edition.Id, Name = "Speaker", Title = "SAC", Organization = "FBI" } }],
            };
            db.ConferenceSessions.Add(session);
            db.Posts.Add(new Post { EditionId = edition.Id, Slug = "hello", Title = "Hello", BodyMarkdown = "**hi**", Author = "Team", PublishedAt = Now });
            db.AuditEntries.Add(new AuditEntry { At = Now, UserName = "admin", Action = "Updated", EntityType = "Participant", EntityId = "1", ChangesJson = "{\"a\":1}" });
            var user = new AppUser { UserName = "s@x", Email = "s@x", DisplayName = "Staff", Country = "VN", CityId = "phoenix" };
            db.Users.Add(user);
            db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, EditionId = edition.Id });
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "ci", TokenHash = "abc", CreatedAt = Now });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "k", Xml = "<key/>" });
            await db.SaveChangesAsync();
            planId = plan.Id;
            sessionId = session.Id;
        }

        await using (var db = database.NewContext())
        {
            var e = await db.Editions.Include(x => x.Objectives).Include(x => x.Phases).Include(x => x.Figures).SingleAsync();
            Assert.Equal(new DateOnly(2030, 5, 17), e.EndDate);
            Assert.Equal(["narcotics", "cybercrime"], e.Themes);
            Assert.Equal("Objective one", e.Objectives.Single().Text);
            Assert.Equal(["phoenix"], e.Phases.Single().CityIds);
            Assert.Equal(PhaseKind.CitySplit, e.Phases.Single().Kind);
            Assert.Equal((FigureMetric.Countries, 47, FigureQualifier.Over, true), (e.Figures[0].Metric, e.Figures[0].Value, e.Figures[0].Qualifier, e.Figures[0].ReportedAfter));

            var offer = await db.MeetingOffers.Include(o => o.Host).ThenInclude(h => h!.Venue).Include(o => o.Windows).SingleAsync();
            Assert.Equal(HostKind.LocalLawEnforcement, offer.Host!.Kind);
            Assert.Equal(33.45, offer.Host.Venue!.Latitude);
            Assert.Equal(new DateTime(2030, 5, 8, 9, 0, 0), offer.Windows.Single().Start);
            Assert.True(offer.Required);

            var p = await db.Participants.Include(x => x.History).SingleAsync(x => x.Id == participantId);
            Assert.Equal("Nguyễn Thị", p.GivenName);
            Assert.Equal(["vi", "en"], p.Languages);
            Assert.Equal(NominationStatus.Vetted, p.Status);
            Assert.Equal(Now, p.History.Single().ChangedAt);
            Assert.Equal("CfDJ8-cipher", p.PassportNumberProtected);
            Assert.Equal(Now, p.CreatedAt);

            var plan = await db.SplitPlans.Include(x => x.Assignments).SingleAsync(x => x.Id == planId);
            Assert.Equal((120L, true, "locked"), (plan.Score!.Value, plan.Assignments.Single().Locked, plan.Assignments.Single().Explanation));

            var meeting = await db.Meetings.SingleAsync();
            Assert.Equal((MeetingStatus.Planned, new DateTime(2030, 5, 8, 10, 30, 0)), (meeting.Status, meeting.End));
            var session = await db.ConferenceSessions.Include(s => s.Room).Include(s => s.Speakers).ThenInclude(x => x.Speaker).SingleAsync(s => s.Id == sessionId);
            Assert.Equal(("FBI", SpeakerRole.Moderator, 300), (session.Speakers.Single().Speaker!.Organization, session.Speakers.Single().Role, session.Room!.Capacity));
            Assert.Equal([1, 3], session.Objectives);
            Assert.Equal("**hi**", (await db.Posts.SingleAsync()).BodyMarkdown);
            Assert.Equal("{\"a\":1}", (await db.AuditEntries.SingleAsync()).ChangesJson);
            var user = await db.Users.Include(u => u.EditionAssignments).SingleAsync();
            Assert.Equal(e.Id, user.EditionAssignments.Single().EditionId);
            Assert.Equal("abc", (await db.ApiTokens.SingleAsync()).TokenHash);
            Assert.Equal("<key/>", (await db.DataProtectionKeys.SingleAsync()).Xml);

            // Instants order correctly on both engines.
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.At >= Now));
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.At > Now));
        }
    }

    [Theory, ProviderData]
    public async Task The_year_of_an_edition_is_unique(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        db.Editions.Add(new Edition { Year = 2031, Title = "a" });
        db.Editions.Add(new Edition { Year = 2031, Title = "b" });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
