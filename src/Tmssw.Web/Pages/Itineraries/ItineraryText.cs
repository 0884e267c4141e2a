using System.Globalization;
using Tmssw.Core.Itineraries;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>How the staff pages word an entry's time: local clock, zone and UTC offset (two when a flight crosses zones).</summary>
public static class ItineraryText
{
    public static string When(ItineraryEntry e)
    {
        var start = $"{e.LocalStart:HH:mm} {Zone(e.TimeZoneId, e.StartInstant.Offset)}";
        var endZone = e.EndTimeZoneId ?? e.TimeZoneId;
        var sameDay = e.LocalEnd.Date == e.LocalStart.Date;
        var endClock = sameDay ? e.LocalEnd.ToString("HH:mm", CultureInfo.InvariantCulture) : e.LocalEnd.ToString("ddd MMM d HH:mm", CultureInfo.InvariantCulture);
        return endZone == e.TimeZoneId
            ? $"{e.LocalStart:HH:mm}–{endClock} {Zone(e.TimeZoneId, e.StartInstant.Offset)}"
            : $"{start} → {endClock} {Zone(endZone, e.EndInstant.Offset)}";
    }

    public static string Zone(string zoneId, TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        var hours = abs.Minutes == 0 ? abs.Hours.ToString(CultureInfo.InvariantCulture) : $"{abs.Hours}:{abs.Minutes:00}";
        return $"({zoneId}, UTC{sign}{hours})";
    }
}
