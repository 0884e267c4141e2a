using Tmssw.Core.Conference;

namespace Tmssw.Core.Tests.Conference;

/// <summary>The schedule editor's four warnings, each on its own, on plans built by hand (no database).</summary>
public sealed class AgendaConflictsTests
{
    private static readonly PlannedRoom Hall = new(1, "Hall", 100);
    private static readonly PlannedRoom Small = new(2, "Small room", 20);
    private static readonly PlannedDay Thursday = new(new DateOnly(2024, 5, 16), new TimeOnly(8, 0), new TimeOnly(18, 0));
    private static readonly Dictionary<int, string> Names = new() { [7] = "Ana (synthetic)", [8] = "Ben (synthetic)" };

    private static PlannedSession S(int id, int? room, int startHour, int endHour, int? expected = null, int[]? speakers = null, bool cancelled = false) =>
        new(id, $"Session {id}", room, new DateTime(2024, 5, 16, startHour, 0, 0), new DateTime(2024, 5, 16, endHour, 0, 0), expected, speakers ?? [], cancelled);

    private static IReadOnlyList<AgendaWarning> Find(params PlannedSession[] sessions) =>
        AgendaConflicts.Find(new AgendaPlan(sessions, [Hall, Small], [Thursday], Names));

    [Fact]
    public void A_clean_plan_has_no_warnings_and_back_to_back_sessions_do_not_clash()
    {
        Assert.Empty(Find(S(1, 1, 9, 10, 80, [7]), S(2, 1, 10, 11, 80, [7]), S(3, 2, 9, 10, 20, [8])));
    }

    [Fact]
    public void A_room_booked_twice_is_one_warning_of_its_own_kind()
    {
        var w = Assert.Single(Find(S(1, 1, 9, 11), S(2, 1, 10, 12)));
        Assert.Equal((AgendaWarningKind.RoomDoubleBooked, 2, (int?)1), (w.Kind, w.SessionId, w.OtherSessionId));
        Assert.Contains("Hall is booked twice", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_speaker_in_two_places_is_named()
    {
        var w = Assert.Single(Find(S(1, 1, 9, 11, speakers: [7, 8]), S(2, 2, 10, 12, speakers: [7])));
        Assert.Equal(AgendaWarningKind.SpeakerDoubleBooked, w.Kind);
        Assert.Contains("Ana (synthetic) is in two places at once", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_outside_the_venue_hours_or_on_a_closed_day_is_warned()
    {
        var early = Assert.Single(Find(S(1, 1, 7, 9)));
        Assert.Equal(AgendaWarningKind.OutsideVenueHours, early.Kind);
        Assert.Contains("08:00–18:00", early.Message, StringComparison.Ordinal);
        var late = Assert.Single(Find(S(2, 1, 17, 19)));
        Assert.Equal(AgendaWarningKind.OutsideVenueHours, late.Kind);

        var friday = new PlannedSession(3, "Friday", 1, new DateTime(2024, 5, 17, 9, 0, 0), new DateTime(2024, 5, 17, 10, 0, 0), null, []);
        var closed = Assert.Single(Find(friday));
        Assert.Equal(AgendaWarningKind.OutsideVenueHours, closed.Kind);
        Assert.Contains("not open", closed.Message, StringComparison.Ordinal);

        // Without venue days, hours are not checked.
        Assert.Empty(AgendaConflicts.Find(new AgendaPlan([friday], [Hall], [], Names)));
    }

    [Fact]
    public void A_room_smaller_than_the_expected_attendance_is_warned()
    {
        var w = Assert.Single(Find(S(1, 2, 9, 10, expected: 21)));
        Assert.Equal((AgendaWarningKind.RoomTooSmall, 1), (w.Kind, w.SessionId));
        Assert.Contains("expects 21 people, but Small room seats 20", w.Message, StringComparison.Ordinal);
        Assert.Empty(Find(S(1, 2, 9, 10, expected: 20)));
    }

    [Fact]
    public void Cancelled_sessions_clash_with_nothing()
    {
        Assert.Empty(Find(S(1, 1, 9, 11, expected: 500, speakers: [7], cancelled: true), S(2, 1, 10, 12, speakers: [7]), S(3, 1, 6, 7, cancelled: true)));
    }
}
