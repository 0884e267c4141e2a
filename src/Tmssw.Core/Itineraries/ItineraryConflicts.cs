namespace Tmssw.Core.Itineraries;

/// <summary>One problem in someone's program: two entries at once, or a flight that lands too late.</summary>
public sealed record ItineraryConflict(string Uid, string OtherUid, string Message);

/// <summary>
/// Conflicts in one person's entries (pure): two items that overlap in time (lodging and cancelled
/// items aside, and two conference sessions, which run in parallel for people to choose), and a flight into a city that lands after (or within an hour of) an item there
/// that starts no more than half a day before the flight leaves.
/// </summary>
public static class ItineraryConflicts
{
    /// <summary>Time allowed from landing to being at the first item in the city.</summary>
    public static readonly TimeSpan FromAirport = TimeSpan.FromMinutes(60);

    public static IReadOnlyList<ItineraryConflict> Find(IReadOnlyList<PlannedEntry> planned)
    {
        var active = planned
            .Where(p => !p.Entry.Cancelled && p.Entry.Kind != ItineraryEntryKind.Lodging)
            .OrderBy(p => p.Entry.StartInstant)
            .ToList();
        var found = new List<ItineraryConflict>();
        for (var i = 0; i < active.Count; i++)
        {
            var a = active[i].Entry;
            for (var j = i + 1; j < active.Count; j++)
            {
                var b = active[j].Entry;
                if (b.StartInstant >= a.EndInstant)
                {
                    break;
                }

                // Parallel conference sessions are alternatives: a person chooses one of them.
                if (a.Kind == ItineraryEntryKind.ConferenceSession && b.Kind == ItineraryEntryKind.ConferenceSession)
                {
                    continue;
                }

                found.Add(new ItineraryConflict(a.Uid, b.Uid, $"“{a.Title}” and “{b.Title}” are at the same time ({a.LocalStart:ddd MMM d HH:mm}–{a.LocalEnd:HH:mm} and {b.LocalStart:HH:mm}–{b.LocalEnd:HH:mm}, local)."));
            }
        }

        foreach (var leg in active.Where(p => p.Entry.Kind == ItineraryEntryKind.Travel && p.ArrivalCityId is not null))
        {
            var landsBy = leg.Entry.EndInstant + FromAirport;
            foreach (var item in active.Where(p => p.Entry.Kind != ItineraryEntryKind.Travel
                         && p.CityId == leg.ArrivalCityId
                         && p.CityId != leg.CityId
                         && p.Entry.StartInstant < landsBy
                         && p.Entry.StartInstant >= leg.Entry.StartInstant - TimeSpan.FromHours(12)))
            {
                found.Add(new ItineraryConflict(item.Entry.Uid, leg.Entry.Uid,
                    $"“{item.Entry.Title}” starts at {item.Entry.LocalStart:ddd MMM d HH:mm}, but “{leg.Entry.Title}” lands at {leg.Entry.LocalEnd:HH:mm} (local); allow {FromAirport.TotalMinutes:0} minutes from the airport."));
            }
        }

        return found;
    }
}
