namespace Tmssw.Core.Itineraries;

/// <summary>What an entry of someone's program is; decides its icon and how the book and the feed word it.</summary>
public enum ItineraryEntryKind
{
    Session,
    SiteVisit,
    CulturalVisit,
    Meeting,
    Travel,
    Lodging,
    ConferenceSession,
    HomeHospitality,
    Other,
}

/// <summary>
/// One thing on a person's program, in the local wall-clock time of where it happens (the
/// architecture's rule: a <see cref="DateTime"/> is a local time in a named IANA zone). A travel leg
/// starts in its departure airport's zone and ends in its arrival airport's (<see cref="EndTimeZoneId"/>).
/// <see cref="Uid"/> is stable for the life of the item, so calendars update it rather than add a copy;
/// <see cref="Sequence"/> rises with every change; a cancelled item stays, marked, so feeds can say so.
/// </summary>
public sealed record ItineraryEntry(
    string Uid,
    ItineraryEntryKind Kind,
    string Title,
    DateTime LocalStart,
    DateTime LocalEnd,
    string TimeZoneId,
    string? EndTimeZoneId = null,
    string? PlaceName = null,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    string? CityName = null,
    string? Description = null,
    string? HostName = null,
    string? InterpreterName = null,
    int Sequence = 0,
    bool Cancelled = false)
{
    public DateTimeOffset StartInstant => Instant(LocalStart, TimeZoneId);

    public DateTimeOffset EndInstant => Instant(LocalEnd, EndTimeZoneId ?? TimeZoneId);

    private static DateTimeOffset Instant(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}

/// <summary>Someone to call: program staff, the interpreter, an emergency number.</summary>
public sealed record ItineraryContact(string Role, string Name, string? Phone = null, string? Email = null);

/// <summary>A member of the group as other participants may see them: name and country only.</summary>
public sealed record RosterLine(string Name, string Country);

/// <summary>
/// Everything one person (or one group, interpreter, host, the whole edition) does, ordered by start:
/// what the itinerary pages, the calendar feeds, the program book and Today all read.
/// </summary>
public sealed record Itinerary(
    int EditionYear,
    string EditionTitle,
    string OwnerName,
    string? OwnerCountry,
    string? GroupName,
    string? PreferredLanguage,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<ItineraryContact> Contacts,
    IReadOnlyList<RosterLine> Roster,
    IReadOnlyList<ItineraryEntry> Entries);
