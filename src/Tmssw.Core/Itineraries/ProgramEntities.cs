using Tmssw.Core.Editions;

namespace Tmssw.Core.Itineraries;

/// <summary>Who an item of the program is for: everyone in the edition, one city group, or named participants.</summary>
public enum Audience
{
    Cohort,
    Group,
    Participants,
}

/// <summary>
/// What the program items, travel legs and lodgings share: the edition and phase they belong to,
/// who they are for, a stable calendar UID, a sequence that rises with every change, and a
/// cancellation that keeps the item (feeds send it as cancelled rather than dropping it).
/// </summary>
public abstract class ProgramEntity
{
    public int Id { get; set; }
    public int EditionId { get; set; }

    /// <summary>Plenary (Washington), Workshop (Tampa / St. Petersburg), CitySplit, Conference (New York), Travel.</summary>
    public PhaseKind Phase { get; set; }

    public Audience Audience { get; set; }

    /// <summary>The group, when <see cref="Audience"/> is <see cref="Audience.Group"/>.</summary>
    public int? GroupId { get; set; }

    /// <summary>The participants, when <see cref="Audience"/> is <see cref="Audience.Participants"/>.</summary>
    public List<int> ParticipantIds { get; set; } = [];

    /// <summary>Stable for the life of the item (RFC 5545 UID, without the domain).</summary>
    public string Uid { get; set; } = "";

    /// <summary>RFC 5545 SEQUENCE: raised by every saved change.</summary>
    public int Sequence { get; set; }

    public bool Cancelled { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether a participant (with their group) is on this item.</summary>
    public bool Includes(int participantId, int? groupId) => Audience switch
    {
        Audience.Cohort => true,
        Audience.Group => groupId is not null && GroupId == groupId,
        _ => ParticipantIds.Contains(participantId),
    };

    /// <summary>Whether the item concerns a group as a whole (cohort items, the group's own, or any of its members').</summary>
    public bool Concerns(int groupId, IReadOnlyCollection<int> memberIds) => Audience switch
    {
        Audience.Cohort => true,
        Audience.Group => GroupId == groupId,
        _ => ParticipantIds.Any(memberIds.Contains),
    };
}

/// <summary>A session, site visit or cultural visit of the program, at a venue, in local time.</summary>
public sealed class ProgramItem : ProgramEntity
{
    public ItineraryEntryKind Kind { get; set; } = ItineraryEntryKind.Session;
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>A city of the catalog (e.g. <c>st-petersburg</c>), when the item is in one.</summary>
    public string? CityId { get; set; }

    public string? VenueName { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>IANA zone of the venue.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Local wall-clock time in <see cref="TimeZone"/>.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    /// <summary>Who receives the group there (shown in descriptions and feeds).</summary>
    public string? HostName { get; set; }

    /// <summary>The numbers of the edition's objectives (<see cref="Objective.Number"/>) this item serves.</summary>
    public List<int> Objectives { get; set; } = [];
}

/// <summary>A flight (or other scheduled leg) between two airports, each time in its airport's zone.</summary>
public sealed class TravelLeg : ProgramEntity
{
    public string Carrier { get; set; } = "";
    public string FlightNumber { get; set; } = "";

    /// <summary>IATA code of an airport in <see cref="Airports"/>.</summary>
    public string FromAirport { get; set; } = "";

    public string ToAirport { get; set; } = "";

    /// <summary>Local wall-clock time at <see cref="FromAirport"/>.</summary>
    public DateTime Departure { get; set; }

    /// <summary>Local wall-clock time at <see cref="ToAirport"/>.</summary>
    public DateTime Arrival { get; set; }

    public string? Notes { get; set; }
}

/// <summary>A hotel stay, by dates (check-in and check-out at the hotel's usual hours, local time).</summary>
public sealed class Lodging : ProgramEntity
{
    public string HotelName { get; set; } = "";
    public string? Address { get; set; }
    public string? CityId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string TimeZone { get; set; } = "";
    public DateOnly CheckIn { get; set; }
    public DateOnly CheckOut { get; set; }
    public string? Phone { get; set; }

    public static readonly TimeOnly CheckInTime = new(15, 0);
    public static readonly TimeOnly CheckOutTime = new(11, 0);
}

/// <summary>Whose calendar a secret feed URL gives.</summary>
public enum FeedOwnerKind
{
    Participant,
    Group,
    Interpreter,
    Host,
    Edition,
}

/// <summary>
/// A secret, revocable calendar feed address. The token itself is kept only protected (Data
/// Protection), so its owner can see their URL again; lookups go through its SHA-256 hash.
/// </summary>
public sealed class FeedToken
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public FeedOwnerKind OwnerKind { get; set; }

    /// <summary>The participant id, group id, interpreter's group id, host organization id, or "" for the edition.</summary>
    public string OwnerKey { get; set; } = "";

    public string TokenHash { get; set; } = "";
    public string TokenProtected { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
}
