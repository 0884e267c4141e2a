using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Splits;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// The program's rules for a group's week in a city: the day's hours, lunch, how many meetings a
/// day, how travel time is estimated, and the arrival morning a group has when no fixed items are
/// recorded for it.
/// </summary>
public static class ScheduleRules
{
    public static readonly TimeOnly DayStart = new(9, 0);
    public static readonly TimeOnly DayEnd = new(17, 30);
    public static readonly TimeOnly LunchStart = new(12, 0);
    public static readonly TimeOnly LunchEnd = new(13, 0);
    public const int MaxMeetingsPerDay = 4;
    public const double MinutesPerKm = 2;
    public const int MinimumTravelMinutes = 15;

    /// <summary>When a group has no fixed items recorded, its first day's morning until 10:30 is arrival.</summary>
    public static readonly TimeOnly DefaultArrivalEnd = new(10, 30);

    public const string DefaultArrivalLabel = "Arrival and check-in";

    public static P.DayRules Day => new(DayStart, DayEnd, new P.LunchBreak(LunchStart, LunchEnd), MaxMeetingsPerDay);

    public static P.TravelRules Travel => new(MinutesPerKm, MinimumTravelMinutes, []);

    /// <summary>Ids in the planner's instance.</summary>
    public static string OfferKey(int offerId) => $"o{offerId}";

    public static int OfferIdOf(string key) => int.Parse(key.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    public static string VenueKey(int? venueId) => venueId is { } id ? $"v{id}" : "v-city";

    public static string GroupKey(int groupId) => $"g{groupId}";
}

/// <summary>Local wall-clock times and instants in a city's IANA zone (real zone rules: Phoenix keeps MST all year).</summary>
public static class CityTime
{
    public static TimeZoneInfo Zone(City city) => TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone);

    /// <summary>The instant of a local time; a time skipped or repeated by a clock change takes the standard offset.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>The local wall-clock time of an instant (kind Unspecified, as stored).</summary>
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
}

/// <summary>Everything the scheduler needs about one group's week, loaded from the database.</summary>
public sealed record ScheduleSource(
    Edition Edition,
    Phase Phase,
    City City,
    Group Group,
    TimeZoneInfo Zone,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<MeetingOffer> Offers,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<GroupBusyItem> Busy,
    bool BusyIsDefault,
    SchedulePublication? Publication)
{
    /// <summary>Meetings a run keeps where they are: locked by hand, or already requested, confirmed or thanked.</summary>
    public static bool IsKept(Meeting m) => m.Status != MeetingStatus.Declined && (m.Locked || m.Status != MeetingStatus.Planned);

    public IEnumerable<Meeting> Active => Meetings.Where(m => m.Status != MeetingStatus.Declined);

    public HashSet<int> DeclinedOfferIds => [.. Meetings.Where(m => m.Status == MeetingStatus.Declined).Select(m => m.MeetingOfferId)];

    public MeetingOffer? Offer(int id) => Offers.FirstOrDefault(o => o.Id == id);

    public static Venue? VenueOf(MeetingOffer offer) => offer.Venue ?? offer.Host?.Venue;
}
