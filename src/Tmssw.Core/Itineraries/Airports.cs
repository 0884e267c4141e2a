namespace Tmssw.Core.Itineraries;

/// <summary>An airport a leg may use: its IATA code, the catalog city it serves and its IANA zone.</summary>
public sealed record Airport(string Code, string Name, string CityId, string TimeZone, double Latitude, double Longitude);

/// <summary>
/// The airports of the program's cities (public facts: IATA codes, locations and zones). A leg
/// names its airports by code; its departure and arrival are local times in each airport's zone.
/// </summary>
public static class Airports
{
    public static readonly IReadOnlyList<Airport> All =
    [
        new("IAD", "Washington Dulles International Airport", "washington-dc", "America/New_York", 38.9531, -77.4565),
        new("DCA", "Ronald Reagan Washington National Airport", "washington-dc", "America/New_York", 38.8512, -77.0402),
        new("BWI", "Baltimore/Washington International Airport", "washington-dc", "America/New_York", 39.1774, -76.6684),
        new("TPA", "Tampa International Airport", "tampa", "America/New_York", 27.9755, -82.5332),
        new("PIE", "St. Pete–Clearwater International Airport", "st-petersburg", "America/New_York", 27.9102, -82.6874),
        new("AUS", "Austin–Bergstrom International Airport", "austin", "America/Chicago", 30.1975, -97.6664),
        new("CLE", "Cleveland Hopkins International Airport", "cleveland", "America/New_York", 41.4117, -81.8498),
        new("HSV", "Huntsville International Airport", "huntsville", "America/Chicago", 34.6372, -86.7751),
        new("PHX", "Phoenix Sky Harbor International Airport", "phoenix", "America/Phoenix", 33.4342, -112.0116),
        new("TUS", "Tucson International Airport", "tucson", "America/Phoenix", 32.1161, -110.9410),
        new("RNO", "Reno–Tahoe International Airport", "reno", "America/Los_Angeles", 39.4991, -119.7681),
        new("SMF", "Sacramento International Airport", "sacramento", "America/Los_Angeles", 38.6954, -121.5908),
        new("SAN", "San Diego International Airport", "san-diego", "America/Los_Angeles", 32.7338, -117.1933),
        new("SLC", "Salt Lake City International Airport", "salt-lake-city", "America/Denver", 40.7899, -111.9791),
        new("JFK", "John F. Kennedy International Airport", "new-york", "America/New_York", 40.6413, -73.7781),
        new("LGA", "LaGuardia Airport", "new-york", "America/New_York", 40.7769, -73.8740),
        new("EWR", "Newark Liberty International Airport", "new-york", "America/New_York", 40.6895, -74.1745),
        new("ATL", "Hartsfield–Jackson Atlanta International Airport", "atlanta", "America/New_York", 33.6407, -84.4277),
        new("DFW", "Dallas/Fort Worth International Airport", "dallas", "America/Chicago", 32.8998, -97.0403),
        new("DEN", "Denver International Airport", "denver", "America/Denver", 39.8561, -104.6737),
        new("ORD", "Chicago O'Hare International Airport", "chicago", "America/Chicago", 41.9742, -87.9073),
        new("CLT", "Charlotte Douglas International Airport", "charlotte", "America/New_York", 35.2140, -80.9431),
    ];

    private static readonly Dictionary<string, Airport> ByCode = All.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);

    public static Airport? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var a) ? a : null;

    public static Airport Get(string code) => Find(code) ?? throw new ArgumentException($"Unknown airport '{code}'.", nameof(code));
}
