using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Tests.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

/// <summary>
/// The agenda's use cases on the demo (published as v1 and v2) against both databases: the draft is
/// not public until published; publishing reaches a participant's feed (read back by ical.js) with
/// SEQUENCE raised and STATUS:CANCELLED; only the edition's runners edit.
/// </summary>
public sealed class AgendaUseCaseTests
{
    private const int Year = 2024;

    private sealed class Cases(ItineraryFixture f)
    {
        public SaveConferenceSession Save { get; } = new(f.Db, f.Audit, TimeProvider.System);
        public MoveConferenceSession Move { get; } = new(f.Db, f.Audit, TimeProvider.System);
        public CancelConferenceSession Cancel { get; } = new(f.Db, f.Audit, TimeProvider.System);
        public SaveSpeaker Speaker { get; } = new(f.Db, f.Audit);
        public SaveRoom Room { get; } = new(f.Db, f.Audit);
        public SaveVenueHours Hours { get; } = new(f.Db, f.Audit);
        public PublishAgenda Publish { get; } = new(f.Db, f.Audit, TimeProvider.System);
        public GetAgendaEditor Editor { get; } = new(f.Db);
        public GetPublicAgenda Public { get; } = new(f.Db);
    }

    private static async Task<int> SessionIdAsync(ItineraryFixture f, string titleStart) =>
        await f.Db.ConferenceSessions.Where(s => s.EditionId == f.EditionId && s.Title.StartsWith(titleStart)).Select(s => s.Id).SingleAsync();

    [Theory, ProviderData]
    public async Task The_demo_agenda_is_published_twice_and_its_changelog_shows_a_move_a_cancellation_and_an_addition(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var use = new Cases(f);
        var agenda = await use.Public.RunAsync(Year);

        Assert.NotNull(agenda);
        Assert.Equal(("v2", 2), (agenda.Version.Name, agenda.Version.Number));
        Assert.Equal(["v2", "v1"], agenda.History.Select(h => h.Version.Name));
        var changes = agenda.History[0].Changes;
        Assert.Contains(changes, c => c.Kind == AgendaChangeKind.Moved && c.Title.StartsWith("Maritime crime", StringComparison.Ordinal)
            && c.Detail.Contains("in East River Room to Fri May 17 09:00–10:00 in Liberty Room", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == AgendaChangeKind.Cancelled && c.Title.StartsWith("Countering terrorist use", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Kind == AgendaChangeKind.Added && c.Title.StartsWith("Women in law enforcement", StringComparison.Ordinal));
        Assert.Equal(3, changes.Count);
        Assert.All(agenda.Agenda.Speakers, s => Assert.EndsWith("(synthetic)", s.Name, StringComparison.Ordinal));
        Assert.True(agenda.Agenda.Sessions.Select(s => s.Track).Distinct().Count(t => t is not null) >= 3);

        var editor = await use.Editor.RunAsync(ItineraryFixture.Staff(f.EditionId), Year);
        var warning = Assert.Single(editor.Warnings);
        Assert.Equal(AgendaWarningKind.RoomTooSmall, warning.Kind);
        Assert.Empty(editor.Unpublished);
    }

    [Theory, ProviderData]
    public async Task A_draft_change_stays_private_until_published_then_the_participant_feed_has_it(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var use = new Cases(f);
        var staff = ItineraryFixture.Staff(f.EditionId);
        var trafficking = await SessionIdAsync(f, "Trafficking in persons");
        var ransomware = await SessionIdAsync(f, "Ransomware");
        var hudson = await f.Db.ConferenceRooms.Where(r => r.EditionId == f.EditionId && r.Name == "Hudson Room").Select(r => r.Id).SingleAsync();
        var participantId = f.FirstMember["phoenix"];
        var participant = ItineraryFixture.Participant(participantId);
        async Task<IcalCalendar> FeedAsync() =>
            await IcalJs.ParseAsync((await f.Calendar.ForOwnerAsync(participant, FeedOwner.Participant(Year, participantId))).Content);

        var before = await FeedAsync();
        var tBefore = before.Events.Single(e => e.Uid == $"conference-{trafficking}@tmssw");
        var rBefore = before.Events.Single(e => e.Uid == $"conference-{ransomware}@tmssw");
        Assert.Equal(("CONFIRMED", "CONFIRMED"), (tBefore.Status, rBefore.Status));

        // Moved onto Friday 09:00 in the Hudson Room, where the cybercrime session is: a warning at once.
        var moved = await use.Move.RunAsync(staff, Year, trafficking, new DateTime(2024, 5, 17, 9, 0, 0), hudson);
        Assert.True(moved.Succeeded);
        Assert.Contains(moved.Warnings, w => w.Kind == AgendaWarningKind.RoomDoubleBooked && (w.SessionId == trafficking || w.OtherSessionId == trafficking));
        Assert.True((await use.Cancel.RunAsync(staff, Year, ransomware)).Succeeded);
        f.Db.ChangeTracker.Clear();

        // Not public, not in the participant's feed.
        var publicAgenda = await use.Public.RunAsync(Year);
        Assert.Equal(new DateTime(2024, 5, 16, 14, 0, 0), publicAgenda!.Session(trafficking)!.Start);
        Assert.False(publicAgenda.Session(ransomware)!.Cancelled);
        var still = await FeedAsync();
        static (int, string?, DateTimeOffset, string?) Key(IcalEvent e) => (e.Sequence, e.Status, e.Start.Utc, e.Location);
        Assert.Equal(Key(tBefore), Key(still.Events.Single(e => e.Uid == tBefore.Uid)));
        Assert.Equal(Key(rBefore), Key(still.Events.Single(e => e.Uid == rBefore.Uid)));
        var editor = await use.Editor.RunAsync(staff, Year);
        Assert.Equal([AgendaChangeKind.Moved, AgendaChangeKind.Cancelled], editor.Unpublished.Select(c => c.Kind).Order());

        var (version, result) = await use.Publish.RunAsync(staff, Year, "v3");
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, version!.Number);
        f.Db.ChangeTracker.Clear();

        var after = await FeedAsync();
        var tAfter = after.Events.Single(e => e.Uid == tBefore.Uid);
        var rAfter = after.Events.Single(e => e.Uid == rBefore.Uid);
        Assert.Equal(tBefore.Sequence + 1, tAfter.Sequence);
        Assert.Equal(new DateTimeOffset(2024, 5, 17, 13, 0, 0, TimeSpan.Zero), tAfter.Start.Utc);
        Assert.Equal(-4 * 60, tAfter.Start.OffsetMinutes);
        Assert.Contains("Hudson Room", tAfter.Location, StringComparison.Ordinal);
        Assert.Equal(("CANCELLED", rBefore.Sequence + 1), (rAfter.Status, rAfter.Sequence));
        var untouched = after.Events.Single(e => e.Summary.StartsWith("Opening: ten years", StringComparison.Ordinal));
        Assert.Equal(before.Events.Single(e => e.Uid == untouched.Uid).Sequence, untouched.Sequence);
        Assert.Equal("v3", (await use.Public.RunAsync(Year))!.Version.Name);

        // The same again: nothing to publish.
        var again = await use.Publish.RunAsync(staff, Year, "v4");
        Assert.Equal("Nothing changed since v3.", again.Result.Error);
        Assert.Contains(await f.Db.AuditEntries.Select(a => a.Action).ToListAsync(), a => a == "AgendaPublished");
    }

    [Theory, ProviderData]
    public async Task Staff_create_a_session_with_speakers_rooms_and_hours_and_bad_input_is_named(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var use = new Cases(f);
        var staff = ItineraryFixture.Staff(f.EditionId);

        var room = await use.Room.RunAsync(staff, Year, null, "Board room", 12);
        Assert.True(room.Succeeded);
        Assert.Equal("There is already a room called “Board room”.", (await use.Room.RunAsync(staff, Year, null, " Board room ", 30)).Result.Error);
        Assert.Equal("A room seats between 1 and 100,000 people.", (await use.Room.RunAsync(staff, Year, null, "Closet", 0)).Result.Error);
        var roomId = await f.Db.ConferenceRooms.Where(r => r.Name == "Board room").Select(r => r.Id).SingleAsync();

        var (speakerId, speakerResult) = await use.Speaker.RunAsync(staff, Year, null, new SpeakerInput("Rosa Lindqvist (synthetic)", "Analyst", "A regional fusion center", "Works on data sharing."));
        Assert.True(speakerResult.Succeeded);
        Assert.Equal("Give the speaker's name (up to 200 characters).", (await use.Speaker.RunAsync(staff, Year, null, new SpeakerInput(" ", null, null, null))).Result.Error);

        var input = new SessionInput("Data sharing across borders", SessionKind.Parallel, "Security threats", roomId,
            new DateTime(2024, 5, 16, 11, 0, 0), new DateTime(2024, 5, 16, 12, 0, 0), 30, "A workshop.", ["cybercrime"], [1, 2],
            [new SpeakerOnSession(speakerId!.Value, SpeakerRole.Moderator)]);
        var saved = await use.Save.RunAsync(staff, Year, null, input);
        Assert.True(saved.Succeeded, saved.Result.Error);
        Assert.Contains(saved.Warnings, w => w.Kind == AgendaWarningKind.RoomTooSmall && w.SessionId == saved.SessionId);
        f.Db.ChangeTracker.Clear();
        var stored = await f.Db.ConferenceSessions.Include(s => s.Speakers).SingleAsync(s => s.Id == saved.SessionId);
        Assert.Equal((SpeakerRole.Moderator, "Security threats"), (stored.Speakers.Single().Role, stored.Track));
        Assert.Equal([1, 2], stored.Objectives);

        Assert.Equal("The session must end after it starts.", (await use.Save.RunAsync(staff, Year, null, input with { End = input.Start })).Result.Error);
        Assert.Equal("Choose one of the conference's rooms.", (await use.Save.RunAsync(staff, Year, null, input with { RoomId = 999_999 })).Result.Error);
        Assert.Equal("'piracy-ish' is not a known theme.", (await use.Save.RunAsync(staff, Year, null, input with { Themes = ["piracy-ish"] })).Result.Error);
        Assert.Equal("Some of the chosen objectives are not this edition's.", (await use.Save.RunAsync(staff, Year, null, input with { Objectives = [9] })).Result.Error);
        Assert.Equal("Some of the chosen speakers are not on this conference's list.",
            (await use.Save.RunAsync(staff, Year, null, input with { Speakers = [new SpeakerOnSession(999_999, SpeakerRole.Speaker)] })).Result.Error);

        // Venue hours: a session outside them is warned about; a day that closes before it opens is refused.
        var hours = await use.Hours.RunAsync(staff, Year, new DateOnly(2024, 5, 16), new TimeOnly(11, 30), new TimeOnly(18, 0));
        Assert.Contains(hours.Warnings, w => w.Kind == AgendaWarningKind.OutsideVenueHours && w.SessionId == saved.SessionId);
        Assert.Equal("The venue must close after it opens.",
            (await use.Hours.RunAsync(staff, Year, new DateOnly(2024, 5, 16), new TimeOnly(18, 0), new TimeOnly(8, 0))).Result.Error);
    }


    [Theory, ProviderData]
    public async Task Only_the_editions_runners_edit_or_publish_the_agenda(Provider provider)
    {
        await using var f = await ItineraryFixture.CreateAsync(provider);
        var use = new Cases(f);
        var sessionId = await SessionIdAsync(f, "Opening");
        var outsiders = new[]
        {
            new UserScope("u-n", "nominator", new HashSet<string> { Roles.Nominator }, new HashSet<int>(), Country: "VN"),
            ItineraryFixture.Host("new-york"),
            ItineraryFixture.Interpreter(f.GroupIds["phoenix"]),
            ItineraryFixture.Participant(f.FirstMember["phoenix"]),
            ItineraryFixture.Staff(f.EditionId + 1000),
        };
        var input = new SessionInput("x", SessionKind.Plenary, null, null, new DateTime(2024, 5, 16, 9, 0, 0), new DateTime(2024, 5, 16, 10, 0, 0));
        foreach (var scope in outsiders)
        {
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Editor.RunAsync(scope, Year));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Save.RunAsync(scope, Year, null, input));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Move.RunAsync(scope, Year, sessionId, input.Start, null));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Cancel.RunAsync(scope, Year, sessionId));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Speaker.RunAsync(scope, Year, null, new SpeakerInput("x", null, null, null)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Room.RunAsync(scope, Year, null, "x", 10));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Hours.RunAsync(scope, Year, new DateOnly(2024, 5, 16), new TimeOnly(8, 0), new TimeOnly(9, 0)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => use.Publish.RunAsync(scope, Year, "x"));
        }

        // Admin may; a session of another edition is out of scope even for them.
        Assert.NotNull(await use.Editor.RunAsync(UserScope.Admin(), Year));
        await Assert.ThrowsAsync<OutOfScopeException>(() => use.Move.RunAsync(UserScope.Admin(), 2023, sessionId, input.Start, null));
        Assert.Equal("v2", (await use.Public.RunAsync(Year))!.Version.Name);
    }
}
