using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>The pure conflict rules: two items at once for one person; a flight landing after the first meeting.</summary>
public sealed class ConflictTests
{
    private static PlannedEntry Item(string uid, string city, DateTime start, int minutes, string zone = "America/Phoenix", ItineraryEntryKind kind = ItineraryEntryKind.Meeting, bool cancelled = false) =>
        new(new ItineraryEntry(uid, kind, uid, start, start.AddMinutes(minutes), zone, Cancelled: cancelled), city, null, "item", 0);

    private static PlannedEntry Flight(string uid, string from, string fromZone, DateTime departs, string to, string toZone, DateTime lands) =>
        new(new ItineraryEntry(uid, ItineraryEntryKind.Travel, uid, departs, lands, fromZone, toZone), from, to, "leg", 0);

    [Fact]
    public void Two_items_at_once_are_a_conflict_and_back_to_back_items_are_not()
    {
        var found = ItineraryConflicts.Find(
        [
            Item("a", "phoenix", new(2024, 5, 8, 9, 0, 0), 90),
            Item("b", "phoenix", new(2024, 5, 8, 10, 0, 0), 60),
            Item("c", "phoenix", new(2024, 5, 8, 11, 0, 0), 60),
        ]);
        var conflict = Assert.Single(found);
        Assert.Equal(("a", "b"), (conflict.Uid, conflict.OtherUid));
    }

    [Fact]
    public void Items_in_different_zones_overlap_by_instant_not_by_wall_clock()
    {
        // 10:00 in Phoenix (UTC-7) is 13:00 in New York (UTC-4): not at once with a New York call at 10:00.
        Assert.Empty(ItineraryConflicts.Find(
        [
            Item("phx", "phoenix", new(2024, 5, 8, 10, 0, 0), 60),
            Item("nyc", "new-york", new(2024, 5, 8, 10, 0, 0), 60, "America/New_York"),
        ]));
        Assert.Single(ItineraryConflicts.Find(
        [
            Item("phx", "phoenix", new(2024, 5, 8, 10, 0, 0), 60),
            Item("nyc", "new-york", new(2024, 5, 8, 13, 30, 0), 60, "America/New_York"),
        ]));
    }

    [Fact]
    public void Lodging_and_cancelled_items_never_conflict()
    {
        Assert.Empty(ItineraryConflicts.Find(
        [
            Item("hotel", "phoenix", new(2024, 5, 7, 15, 0, 0), 60 * 24 * 7, kind: ItineraryEntryKind.Lodging),
            Item("a", "phoenix", new(2024, 5, 8, 9, 0, 0), 90),
            Item("b", "phoenix", new(2024, 5, 8, 9, 30, 0), 60, cancelled: true),
        ]));
    }

    [Fact]
    public void A_flight_that_lands_after_the_first_meeting_is_flagged()
    {
        var flight = Flight("tpa-phx", "tampa", "America/New_York", new(2024, 5, 8, 6, 0, 0), "phoenix", "America/Phoenix", new(2024, 5, 8, 7, 50, 0));
        var found = ItineraryConflicts.Find([flight, Item("first", "phoenix", new(2024, 5, 8, 8, 30, 0), 60)]);
        var conflict = Assert.Single(found);
        Assert.Equal(("first", "tpa-phx"), (conflict.Uid, conflict.OtherUid));
        Assert.Contains("lands at 07:50", conflict.Message);

        // With time to get from the airport, or the day after, it is fine.
        Assert.Empty(ItineraryConflicts.Find([flight, Item("first", "phoenix", new(2024, 5, 8, 9, 0, 0), 60)]));
        Assert.Empty(ItineraryConflicts.Find([flight, Item("later", "phoenix", new(2024, 5, 9, 7, 0, 0), 60)]));
    }

    [Fact]
    public void A_flight_overlapping_an_item_elsewhere_is_two_things_at_once()
    {
        var flight = Flight("tpa-phx", "tampa", "America/New_York", new(2024, 5, 7, 15, 45, 0), "phoenix", "America/Phoenix", new(2024, 5, 7, 17, 35, 0));
        var found = ItineraryConflicts.Find([flight, Item("closing", "tampa", new(2024, 5, 7, 15, 0, 0), 90, "America/New_York")]);
        Assert.Single(found);
    }
}
