using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>Itineraries built in the tests: a participant's days in Washington, Phoenix, Salt Lake City and New York.</summary>
internal static class TravellerSamples
{
    public static Itinerary Participant(string? language = null, string owner = "Amira Haddad") => new(
        2024,
        "Towards a More Safe and Secure World 2024",
        owner,
        "Jordan",
        "Phoenix group",
        language,
        ["Understand how U.S. cities coordinate emergency response."],
        [
            new ItineraryContact("Program staff", "Dana Whitfield", "+1 202 555 0100", "dana@example.org"),
            new ItineraryContact("Interpreter", "Samir Nassar", "+1 602 555 0111"),
        ],
        [new RosterLine("Amira Haddad", "JO"), new RosterLine("Lucas Pereira", "BR"), new RosterLine("نور الهدى", "EG")],
        [
            new ItineraryEntry("p-1", ItineraryEntryKind.Session, "Opening plenary", new DateTime(2024, 4, 30, 9, 0, 0), new DateTime(2024, 4, 30, 11, 0, 0), "America/New_York",
                PlaceName: "Meridian House", Address: "1630 Crescent Place NW, Washington, DC 20009", CityName: "Washington"),
            new ItineraryEntry("p-2", ItineraryEntryKind.Travel, "AA 1234 DCA → PHX", new DateTime(2024, 5, 4, 8, 0, 0), new DateTime(2024, 5, 4, 10, 30, 0), "America/New_York", "America/Phoenix"),
            new ItineraryEntry("p-3", ItineraryEntryKind.Meeting, "Phoenix Fire Department", new DateTime(2024, 5, 7, 10, 0, 0), new DateTime(2024, 5, 7, 11, 30, 0), "America/Phoenix",
                PlaceName: "Fire Station 1", Address: "150 S 12th St, Phoenix, AZ 85034", Latitude: 33.4459, Longitude: -112.0577, CityName: "Phoenix", HostName: "City of Phoenix", InterpreterName: "Samir Nassar"),
            new ItineraryEntry("p-4", ItineraryEntryKind.Meeting, "Cancelled visit", new DateTime(2024, 5, 7, 14, 0, 0), new DateTime(2024, 5, 7, 15, 0, 0), "America/Phoenix", Cancelled: true),
            new ItineraryEntry("p-5", ItineraryEntryKind.SiteVisit, "Utah Emergency Operations Center", new DateTime(2024, 5, 9, 9, 30, 0), new DateTime(2024, 5, 9, 11, 0, 0), "America/Denver",
                Address: "1110 State Office Building, Salt Lake City, UT", CityName: "Salt Lake City"),
            new ItineraryEntry("p-6", ItineraryEntryKind.ConferenceSession, "Closing conference", new DateTime(2024, 5, 16, 9, 0, 0), new DateTime(2024, 5, 16, 12, 0, 0), "America/New_York", CityName: "New York"),
        ]);
}
