using System.Globalization;

namespace Tmssw.Planning.Scheduling;

/// <summary>
/// An instance turned into numbers: time is a minute index <c>t = dayIndex × 1440 + minuteOfDay</c>
/// in local wall-clock time, and ids become indexes. Shared by scorer, greedy and CP-SAT model.
/// </summary>
internal sealed class ScheduleContext
{
    public const int Grid = 15;
    public const int DayMinutes = 1440;

    public ScheduleInstance Instance { get; }
    public TimeZoneInfo Zone { get; }
    public int DayStart { get; }
    public int DayEnd { get; }
    public int LunchStart { get; } = -1;
    public int LunchEnd { get; } = -1;
    public int MaxMeetings { get; }
    public int[] OfferGroup { get; }
    public int[] OfferHost { get; }
    public int[] OfferVenue { get; }
    public string[] Hosts { get; }
    public int[,] Travel { get; }
    public Dictionary<string, int> OfferIndex { get; } = new(StringComparer.Ordinal);
    public Dictionary<DateOnly, int> DayIndex { get; } = [];
    /// <summary>Busy items per group as [start, end) minute indexes, clipped to program days.</summary>
    public List<(int Start, int End, LocalSpan Span)>[] Busy { get; }

    public ScheduleContext(ScheduleInstance instance)
    {
        Instance = instance;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(instance.TimeZone);
        DayStart = Minute(instance.Day.Start);
        DayEnd = Minute(instance.Day.End);
        if (instance.Day.Lunch is { } lunch)
        {
            LunchStart = Minute(lunch.Start);
            LunchEnd = Minute(lunch.End);
        }
        MaxMeetings = instance.Day.MaxMeetings;
        for (var d = 0; d < instance.Days.Count; d++)
        {
            DayIndex[instance.Days[d]] = d;
        }

        var venueIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < instance.Venues.Count; v++)
        {
            venueIndex[instance.Venues[v].Id] = v;
        }

        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < instance.Groups.Count; g++)
        {
            groupIndex[instance.Groups[g].Id] = g;
        }

        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var hosts = new List<string>();

        var n = instance.Offers.Count;
        OfferGroup = new int[n];
        OfferHost = new int[n];
        OfferVenue = new int[n];
        for (var o = 0; o < n; o++)
        {
            var offer = instance.Offers[o];
            OfferIndex[offer.Id] = o;
            OfferGroup[o] = groupIndex[offer.Group];
            OfferVenue[o] = venueIndex[offer.Venue];
            if (!hostIndex.TryGetValue(offer.Host, out var h))
            {
                h = hosts.Count;
                hostIndex[offer.Host] = h;
                hosts.Add(offer.Host);
            }
            OfferHost[o] = h;
        }
        Hosts = [.. hosts];
        Travel = TravelMatrix(instance, venueIndex);

        Busy = new List<(int, int, LocalSpan)>[instance.Groups.Count];
        for (var g = 0; g < instance.Groups.Count; g++)
        {
            Busy[g] = [];
            foreach (var span in instance.Groups[g].Busy)
            {
                foreach (var (s, e) in Clip(span))
                {
                    Busy[g].Add((s, e, span));
                }
            }
        }
    }

    public static int Minute(TimeOnly t) => t.Hour * 60 + t.Minute;

    public static string Clock(int minuteOfDay) =>
        $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";

    /// <summary>The parts of a local span that fall on program days, as minute indexes.</summary>
    public IEnumerable<(int Start, int End)> Clip(LocalSpan span)
    {
        for (var d = 0; d < Instance.Days.Count; d++)
        {
            var dayStart = Instance.Days[d].ToDateTime(TimeOnly.MinValue);
            var s = Math.Max((span.Start - dayStart).TotalMinutes, 0);
            var e = Math.Min((span.End - dayStart).TotalMinutes, DayMinutes);
            if (e > s)
            {
                yield return (d * DayMinutes + (int)Math.Ceiling(s), d * DayMinutes + (int)Math.Floor(e));
            }
        }
    }

    public DateTime Local(int t) =>
        Instance.Days[t / DayMinutes].ToDateTime(TimeOnly.MinValue).AddMinutes(t % DayMinutes);

    /// <summary>Minute index of a local time, or null when its date is not a program day.</summary>
    public int? Index(DateTime local) =>
        DayIndex.TryGetValue(DateOnly.FromDateTime(local), out var d)
            ? d * DayMinutes + local.Hour * 60 + local.Minute
            : null;

    public DateTimeOffset WithOffset(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    public DateTime ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    public ScheduledMeeting Meeting(int offer, int start) =>
        new(Instance.Offers[offer].Id, WithOffset(Local(start)), WithOffset(Local(start + Instance.Offers[offer].Minutes)));

    public string DayName(int dayIndex) =>
        Instance.Days[dayIndex].ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public string When(int t) => $"{DayName(t / DayMinutes)} {Clock(t % DayMinutes)}";

    public static string Span(LocalSpan span) =>
        span.Start.Date == span.End.Date
            ? $"{span.Start.ToString("ddd d MMM", CultureInfo.InvariantCulture)} {span.Start:HH:mm}–{span.End:HH:mm}"
            : $"{span.Start.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}–{span.End.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}";

    public int TravelBetween(int a, int b) => Travel[OfferVenue[a], OfferVenue[b]];

    public bool OverlapsLunch(int start, int end)
    {
        if (LunchStart < 0)
        {
            return false;
        }

        var day = start / DayMinutes * DayMinutes;
        return start < day + LunchEnd && day + LunchStart < end;
    }

    private static int[,] TravelMatrix(ScheduleInstance instance, Dictionary<string, int> venueIndex)
    {
        var venues = instance.Venues;
        var m = new int[venues.Count, venues.Count];
        for (var a = 0; a < venues.Count; a++)
        {
            for (var b = 0; b < venues.Count; b++)
            {
                m[a, b] = a == b ? 0 : TravelTimes.FormulaMinutes(instance.Travel, venues[a], venues[b]);
            }
        }

        foreach (var o in instance.Travel.Overrides)
        {
            var a = venueIndex[o.From];
            var b = venueIndex[o.To];
            if (a == b)
            {
                continue;
            }

            m[a, b] = o.Minutes;
            m[b, a] = o.Minutes;
        }
        return m;
    }
}

/// <summary>Travel between venues by the contract's rule.</summary>
public static class TravelTimes
{
    /// <summary>Great-circle distance in km on a sphere of radius 6,371 km (haversine).</summary>
    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double r = 6371.0;
        static double Rad(double deg) => deg * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }

    /// <summary>Travel minutes between two venues by the contract's rule (no override).</summary>
    public static int FormulaMinutes(TravelRules travel, Venue a, Venue b)
    {
        if (a.Id == b.Id)
        {
            return 0;
        }

        var km = GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon);
        // A hair of tolerance so that 12.0000000001 minutes is 12, not 13.
        var minutes = (int)Math.Ceiling(travel.MinutesPerKm * km - 1e-9);
        return Math.Max(travel.MinimumMinutes, minutes);
    }

}
