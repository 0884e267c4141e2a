using System.Globalization;
using System.Text;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// Writes an itinerary as an RFC 5545 calendar: one VTIMEZONE per zone used (built from the
/// system's IANA rules, with every transition in the years the calendar covers, so a reader that
/// only trusts the file still gets the right offsets), one VEVENT per entry with a stable UID,
/// its SEQUENCE, STATUS:CANCELLED for a cancelled item, LOCATION with the address, GEO, and a
/// description naming the host, the interpreter and the program staff. Pure: same input, same text.
/// </summary>
public static class IcsCalendar
{
    public const string UidDomain = "tmssw";
    public const string MediaType = "text/calendar";

    public static string Write(Itinerary itinerary, string calendarName, DateTimeOffset stamp)
    {
        var sb = new StringBuilder();
        void Line(string text) => Fold(sb, text);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//TMSSW//Itineraries//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-PUBLISHED-TTL:PT1H");
        Line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");

        var entries = itinerary.Entries;
        var zones = entries.SelectMany(e => new[] { e.TimeZoneId, e.EndTimeZoneId ?? e.TimeZoneId }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var firstYear = entries.Count == 0 ? itinerary.EditionYear : entries.Min(e => e.LocalStart.Year);
        var lastYear = entries.Count == 0 ? itinerary.EditionYear : entries.Max(e => e.LocalEnd.Year);
        foreach (var zone in zones)
        {
            foreach (var l in TimeZoneLines(zone, firstYear - 1, lastYear + 1))
            {
                Line(l);
            }
        }

        var staff = itinerary.Contacts.FirstOrDefault(c => c.Role.StartsWith("Program staff", StringComparison.Ordinal));
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in entries)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{Escape(e.Uid)}@{UidDomain}");
            Line("DTSTAMP:" + dtstamp);
            Line($"DTSTART;TZID={e.TimeZoneId}:{Local(e.LocalStart)}");
            Line($"DTEND;TZID={e.EndTimeZoneId ?? e.TimeZoneId}:{Local(e.LocalEnd)}");
            Line("SUMMARY:" + Escape(e.Title));
            var location = Location(e);
            if (location.Length > 0)
            {
                Line("LOCATION:" + Escape(location));
            }

            if (e.Latitude is { } lat && e.Longitude is { } lon)
            {
                Line(string.Create(CultureInfo.InvariantCulture, $"GEO:{lat:0.######};{lon:0.######}"));
            }

            Line("DESCRIPTION:" + Escape(Description(e, staff)));
            Line("CATEGORIES:" + Escape(e.Kind.ToString()));
            Line("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line("TRANSP:" + (e.Kind == ItineraryEntryKind.Lodging || e.Cancelled ? "TRANSPARENT" : "OPAQUE"));
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>A file name for a download: <c>tmssw-2024-phoenix.ics</c>.</summary>
    public static string FileName(int year, string what)
    {
        var slug = new string([.. what.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"tmssw-{year}{(slug.Length == 0 ? "" : "-" + slug)}.ics";
    }

    public static string Location(ItineraryEntry e)
    {
        var parts = new List<string>();
        foreach (var p in new[] { e.PlaceName, e.Address, e.CityName })
        {
            if (!string.IsNullOrWhiteSpace(p) && !parts.Any(x => x.Contains(p, StringComparison.OrdinalIgnoreCase)))
            {
                parts.Add(p.Trim());
            }
        }

        return string.Join(", ", parts);
    }

    internal static string Description(ItineraryEntry e, ItineraryContact? staff)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            lines.Add(e.Description.Trim());
        }

        if (e.Cancelled)
        {
            lines.Add("CANCELLED.");
        }

        if (!string.IsNullOrWhiteSpace(e.HostName))
        {
            lines.Add("Host: " + e.HostName);
        }

        if (!string.IsNullOrWhiteSpace(e.InterpreterName))
        {
            lines.Add("Interpreter: " + e.InterpreterName);
        }

        if (staff is not null)
        {
            lines.Add("Program staff: " + string.Join(", ", new[] { staff.Name, staff.Phone, staff.Email }.Where(x => !string.IsNullOrWhiteSpace(x))));
        }

        lines.Add($"Times are local ({e.TimeZoneId}{(e.EndTimeZoneId is { } z && z != e.TimeZoneId ? " → " + z : "")}).");
        return string.Join("\n", lines);
    }

    /// <summary>
    /// A VTIMEZONE for an IANA zone: the offset in force at the start of <paramref name="fromYear"/>,
    /// then one observance per transition up to the end of <paramref name="toYear"/>. Each DTSTART is
    /// the transition's local time in the offset before it (RFC 5545, 3.6.5).
    /// </summary>
    public static IReadOnlyList<string> TimeZoneLines(string zoneId, int fromYear, int toYear)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var lines = new List<string> { "BEGIN:VTIMEZONE", "TZID:" + zoneId };
        var start = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(toYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(start);
        var firstLocal = start.UtcDateTime + offset;
        Observance(lines, zone.IsDaylightSavingTime(start) ? "DAYLIGHT" : "STANDARD", firstLocal, offset, offset);

        for (var t = start; t < end; t = t.AddHours(1))
        {
            var next = t.AddHours(1);
            var after = zone.GetUtcOffset(next);
            if (after == offset)
            {
                continue;
            }

            // Find the exact minute of the change within the hour.
            var at = t;
            while (zone.GetUtcOffset(at) == offset)
            {
                at = at.AddMinutes(1);
            }

            Observance(lines, zone.IsDaylightSavingTime(at) ? "DAYLIGHT" : "STANDARD", at.UtcDateTime + offset, offset, after);
            offset = after;
        }

        lines.Add("END:VTIMEZONE");
        return lines;
    }

    private static void Observance(List<string> lines, string kind, DateTime local, TimeSpan from, TimeSpan to)
    {
        lines.Add("BEGIN:" + kind);
        lines.Add("DTSTART:" + Local(local));
        lines.Add("TZOFFSETFROM:" + Offset(from));
        lines.Add("TZOFFSETTO:" + Offset(to));
        lines.Add("END:" + kind);
    }

    private static string Local(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    /// <summary>TEXT escaping (RFC 5545, 3.3.11).</summary>
    internal static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Content lines end in CRLF and fold at 75 octets without splitting a UTF-8 sequence (RFC 5545, 3.1).</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var limit = 75;
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + bytes > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }

            sb.Append(line, i, width);
            octets += bytes;
            i += width;
        }

        sb.Append("\r\n");
    }
}
