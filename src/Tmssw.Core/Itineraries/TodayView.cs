namespace Tmssw.Core.Itineraries;

/// <summary>What Today shows: the day, what is on now, what comes next, the rest of the day and the coming days.</summary>
public sealed record TodayPlan(
    DateOnly Day,
    IReadOnlyList<ItineraryEntry> Now,
    ItineraryEntry? Next,
    IReadOnlyList<ItineraryEntry> LaterToday,
    IReadOnlyList<ItineraryEntry> Lodging,
    IReadOnlyList<(DateOnly Day, IReadOnlyList<ItineraryEntry> Entries)> ComingDays,
    ItineraryContact? Interpreter);

/// <summary>
/// Today for a person on the move, computed from their itinerary and the instant: pure. The day is
/// the local date where they are (the zone of the last item begun, else the first item's); before the
/// program it is its first day, after it the last. Another day may be asked for (the links to the
/// coming days); then "now" is that day's start, so Next is its first item.
/// </summary>
public static class TodayView
{
    public const int ComingDayCount = 2;

    public static TodayPlan For(Itinerary itinerary, DateTimeOffset now, DateOnly? askedDay = null)
    {
        ArgumentNullException.ThrowIfNull(itinerary);
        var entries = itinerary.Entries.Where(e => !e.Cancelled).OrderBy(e => e.StartInstant).ToList();
        var interpreter = itinerary.Contacts.FirstOrDefault(c => c.Role.Equals("Interpreter", StringComparison.OrdinalIgnoreCase));
        if (entries.Count == 0)
        {
            return new TodayPlan(askedDay ?? DateOnly.FromDateTime(now.UtcDateTime), [], null, [], [], [], interpreter);
        }

        var zoneId = entries.LastOrDefault(e => e.StartInstant <= now)?.TimeZoneId ?? entries[0].TimeZoneId;
        var localNow = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime;
        var days = entries.Select(e => DateOnly.FromDateTime(e.LocalStart)).Distinct().Order().ToList();
        var realDay = DateOnly.FromDateTime(localNow);
        var day = askedDay ?? (realDay < days[0] ? days[0] : realDay > days[^1] ? days[^1] : realDay);
        if (day != realDay)
        {
            var dayZone = entries.FirstOrDefault(e => DateOnly.FromDateTime(e.LocalStart) == day)?.TimeZoneId ?? zoneId;
            var start = day.ToDateTime(TimeOnly.MinValue);
            now = new DateTimeOffset(start, TimeZoneInfo.FindSystemTimeZoneById(dayZone).GetUtcOffset(start));
        }

        var timed = entries.Where(e => e.Kind != ItineraryEntryKind.Lodging).ToList();
        var ofDay = timed.Where(e => DateOnly.FromDateTime(e.LocalStart) == day).ToList();
        var current = timed.Where(e => e.StartInstant <= now && now < e.EndInstant).ToList();
        var next = timed.FirstOrDefault(e => e.StartInstant > now);
        var later = ofDay.Where(e => e.StartInstant > now && e != next).ToList();
        var lodging = entries.Where(e => e.Kind == ItineraryEntryKind.Lodging
            && DateOnly.FromDateTime(e.LocalStart) <= day && day < DateOnly.FromDateTime(e.LocalEnd).AddDays(e.LocalEnd.TimeOfDay == TimeSpan.Zero ? 0 : 1)).ToList();
        var coming = days.Where(d => d > day).Take(ComingDayCount)
            .Select(d => (d, (IReadOnlyList<ItineraryEntry>)timed.Where(e => DateOnly.FromDateTime(e.LocalStart) == d).ToList()))
            .ToList();
        return new TodayPlan(day, current, next, later, lodging, coming, interpreter);
    }

    /// <summary>A map link for an item: its coordinates when known, else its address (OpenStreetMap); null without either.</summary>
    public static string? MapLink(ItineraryEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Latitude is { } lat && e.Longitude is { } lon)
        {
            var la = lat.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);
            var lo = lon.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);
            return $"https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=17/{la}/{lo}";
        }

        return string.IsNullOrWhiteSpace(e.Address) ? null : "https://www.openstreetmap.org/search?query=" + Uri.EscapeDataString(e.Address);
    }
}
