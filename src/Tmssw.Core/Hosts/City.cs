namespace Tmssw.Core.Hosts;

/// <summary>A U.S. place a phase or a group goes to. Its time zone is an IANA id.</summary>
public sealed class City
{
    /// <summary>A slug such as <c>phoenix</c> or <c>salt-lake-city</c>.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
    public string State { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    public string DisplayName => $"{Name}, {State}";
}

/// <summary>Where a meeting takes place.</summary>
public sealed class Venue
{
    public int Id { get; set; }
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

public enum HostKind
{
    FederalLawEnforcement,
    StateLawEnforcement,
    LocalLawEnforcement,
    ProsecutorsAndCourts,
    PublicOfficials,
    PrivateSector,
    Academia,
    SocialServiceAndVictimAssistance,
}

/// <summary>A counterpart in a city that can meet the visitors.</summary>
public sealed class HostOrganization
{
    public int Id { get; set; }

    /// <summary>A short stable code, e.g. <c>phx-pd</c>; what imports and the scheduler refer to.</summary>
    public string Code { get; set; } = "";

    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";
    public HostKind Kind { get; set; }
    public int? VenueId { get; set; }
    public Venue? Venue { get; set; }
    public List<MeetingOffer> Offers { get; set; } = [];
}

/// <summary>What a host can give an edition's group: a topic, how long, where, and when.</summary>
public sealed class MeetingOffer
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int HostOrganizationId { get; set; }
    public HostOrganization? Host { get; set; }
    public string Topic { get; set; } = "";
    public List<string> Themes { get; set; } = [];
    public int DurationMinutes { get; set; }
    public int? VenueId { get; set; }
    public Venue? Venue { get; set; }

    /// <summary>How much the meeting serves the edition's objectives (the scheduler maximizes the sum).</summary>
    public int Value { get; set; } = 1;

    public bool Required { get; set; }

    /// <summary>The numbers of the edition's objectives (<see cref="Editions.Objective.Number"/>) this meeting serves; a scheduled meeting serves its offer's.</summary>
    public List<int> Objectives { get; set; } = [];

    public List<OfferWindow> Windows { get; set; } = [];
}

/// <summary>A stretch of local time (in the host's city) when the host is available.</summary>
public sealed class OfferWindow
{
    public int Id { get; set; }
    public int MeetingOfferId { get; set; }

    /// <summary>Local wall-clock time in the city's zone (no offset).</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
}
