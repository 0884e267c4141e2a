using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Demo;

/// <summary>
/// The 2024 demo's whole program beyond the city meetings (which the scheduler places): arrival in
/// Washington on April 29, the plenary, the flight to Tampa, the Tampa / St. Petersburg workshop with
/// the visit to the St. Pete maritime and defense technology hub, each group's flights to and from
/// its city, the New York conference and departure on May 17, with hotels for every stay.
/// The public venues (the Department of State, the National Defense University, Meridian House) are
/// real places; hotels, flights (carrier "Demo Airways"), the workshop and conference venues'
/// addresses and the interpreters are invented and say so. Loaded once: nothing is added when the
/// edition already has program items.
/// </summary>
internal static class DemoProgram
{
    private const string Synthetic = " (synthetic)";
    private const string Carrier = "Demo Airways (synthetic)";

    public static async Task<int> AddAsync(TmsswDbContext db, int editionId, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ProgramItems.AnyAsync(i => i.EditionId == editionId, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var groups = await db.Groups.Where(g => g.EditionId == editionId).ToListAsync(ct);
        var added = 0;

        void Item(string uid, PhaseKind phase, ItineraryEntryKind kind, string title, string cityId, DateTime start, DateTime end, Place place, string? description = null, string? host = null, int? groupId = null)
        {
            db.ProgramItems.Add(new ProgramItem
            {
                EditionId = editionId, Phase = phase, Kind = kind, Title = title, CityId = cityId, Start = start, End = end,
                TimeZone = CityCatalog.Get(cityId).TimeZone, VenueName = place.Name, Address = place.Address, Latitude = place.Lat, Longitude = place.Lon,
                Description = description, HostName = host, Uid = "demo2024-" + uid, UpdatedAt = now,
                Audience = groupId is null ? Audience.Cohort : Audience.Group, GroupId = groupId,
            });
            added++;
        }

        void Leg(string uid, PhaseKind phase, string flight, string from, string to, DateTime departs, DateTime arrives, int? groupId = null)
        {
            db.TravelLegs.Add(new TravelLeg
            {
                EditionId = editionId, Phase = phase, Carrier = Carrier, FlightNumber = flight, FromAirport = from, ToAirport = to,
                Departure = departs, Arrival = arrives, Uid = "demo2024-" + uid, UpdatedAt = now,
                Audience = groupId is null ? Audience.Cohort : Audience.Group, GroupId = groupId,
                Notes = "Flight details are synthetic demo data.",
            });
            added++;
        }

        void Stay(string uid, PhaseKind phase, string hotel, string cityId, Place place, DateOnly checkIn, DateOnly checkOut, int? groupId = null)
        {
            db.Lodgings.Add(new Lodging
            {
                EditionId = editionId, Phase = phase, HotelName = hotel, CityId = cityId, TimeZone = CityCatalog.Get(cityId).TimeZone,
                Address = place.Address, Latitude = place.Lat, Longitude = place.Lon, CheckIn = checkIn, CheckOut = checkOut,
                Phone = "+1 555 0100" + Synthetic, Uid = "demo2024-" + uid, UpdatedAt = now,
                Audience = groupId is null ? Audience.Cohort : Audience.Group, GroupId = groupId,
            });
            added++;
        }

        // Washington, D.C. plenary (April 29 – May 3).
        var state = new Place("U.S. Department of State, Harry S Truman Building", "2201 C St NW, Washington, DC 20520", 38.8946, -77.0484);
        var ndu = new Place("National Defense University, Fort McNair", "300 5th Ave SW, Washington, DC 20319", 38.8659, -77.0163);
        var meridian = new Place("Meridian International Center (Meridian House)", "1630 Crescent Pl NW, Washington, DC 20009", 38.9218, -77.0388);
        var dcHotel = new Place("Foggy Bottom Demo Hotel" + Synthetic, "2400 Demo St NW (synthetic address), Washington, DC 20037", 38.9005, -77.0520);
        var mall = new Place("National Mall", "National Mall, Washington, DC 20560", 38.8896, -77.0230);
        Stay("dc-hotel", PhaseKind.Plenary, dcHotel.Name, "washington-dc", dcHotel, new(2024, 4, 29), new(2024, 5, 4));
        Item("dc-arrival", PhaseKind.Plenary, ItineraryEntryKind.Other, "Arrival in Washington, registration and check-in", "washington-dc",
            new(2024, 4, 29, 14, 0, 0), new(2024, 4, 29, 17, 0, 0), dcHotel, "Participants arrive on their own international flights; program staff meet them at the hotel.");
        Item("dc-welcome", PhaseKind.Plenary, ItineraryEntryKind.Session, "Welcome reception", "washington-dc",
            new(2024, 4, 29, 18, 0, 0), new(2024, 4, 29, 19, 30, 0), meridian, host: "Meridian International Center");
        Item("dc-opening", PhaseKind.Plenary, ItineraryEntryKind.Session, "Opening plenary: ten years of Towards a More Safe and Secure World", "washington-dc",
            new(2024, 4, 30, 9, 0, 0), new(2024, 4, 30, 12, 0, 0), state, host: "Bureau of International Narcotics and Law Enforcement Affairs");
        Item("dc-cooperation", PhaseKind.Plenary, ItineraryEntryKind.Session, "Panel: federal, state and local cooperation against transnational crime", "washington-dc",
            new(2024, 4, 30, 13, 30, 0), new(2024, 4, 30, 16, 30, 0), state, host: "U.S. Department of State");
        Item("dc-opioids", PhaseKind.Plenary, ItineraryEntryKind.Session, "Synthetic opioids: a whole-of-government response", "washington-dc",
            new(2024, 5, 1, 9, 0, 0), new(2024, 5, 1, 12, 0, 0), ndu, host: "National Defense University");
        Item("dc-taskforces", PhaseKind.Plenary, ItineraryEntryKind.Session, "Multijurisdictional task forces: models and lessons", "washington-dc",
            new(2024, 5, 1, 13, 30, 0), new(2024, 5, 1, 16, 0, 0), ndu, host: "National Defense University");
        Item("dc-tip", PhaseKind.Plenary, ItineraryEntryKind.Session, "Trafficking in persons and victim-centered investigations", "washington-dc",
            new(2024, 5, 2, 9, 0, 0), new(2024, 5, 2, 12, 0, 0), state, host: "U.S. Department of State");
        Item("dc-mall", PhaseKind.Plenary, ItineraryEntryKind.CulturalVisit, "Cultural visit: the National Mall and its museums", "washington-dc",
            new(2024, 5, 2, 14, 0, 0), new(2024, 5, 2, 17, 0, 0), mall);
        Item("dc-sharing", PhaseKind.Plenary, ItineraryEntryKind.Session, "Information sharing across borders", "washington-dc",
            new(2024, 5, 3, 9, 0, 0), new(2024, 5, 3, 12, 0, 0), meridian, host: "Meridian International Center");
        Item("dc-orientation", PhaseKind.Plenary, ItineraryEntryKind.Session, "Orientation for the workshop and the city split", "washington-dc",
            new(2024, 5, 3, 13, 30, 0), new(2024, 5, 3, 15, 0, 0), meridian, host: "Meridian International Center");

        // To Tampa, and the Tampa / St. Petersburg workshop (May 4 – 7).
        Leg("dca-tpa", PhaseKind.Travel, "DA 401", "DCA", "TPA", new(2024, 5, 4, 10, 0, 0), new(2024, 5, 4, 12, 25, 0));
        var tampaHotel = new Place("Tampa Riverwalk Demo Hotel" + Synthetic, "200 Demo Riverwalk (synthetic address), Tampa, FL 33602", 27.9470, -82.4590);
        var workshop = new Place("Workshop venue" + Synthetic + ", downtown Tampa", "100 Demo Franklin St (synthetic address), Tampa, FL 33602", 27.9490, -82.4580);
        var hub = new Place("St. Pete maritime and defense technology hub", "Port of St. Petersburg, 8th Ave SE, St. Petersburg, FL 33701 (approximate)", 27.7630, -82.6305);
        var campus = new Place("University campus conference room" + Synthetic, "140 Demo Ave S (synthetic address), St. Petersburg, FL 33701", 27.7609, -82.6343);
        Stay("tampa-hotel", PhaseKind.Workshop, tampaHotel.Name, "tampa", tampaHotel, new(2024, 5, 4), new(2024, 5, 7));
        Item("tpa-opening", PhaseKind.Workshop, ItineraryEntryKind.Session, "Workshop opening: multijurisdictional task forces in practice", "tampa",
            new(2024, 5, 5, 13, 0, 0), new(2024, 5, 5, 17, 0, 0), workshop);
        Item("stp-transfer", PhaseKind.Workshop, ItineraryEntryKind.Travel, "Bus to St. Petersburg", "tampa",
            new(2024, 5, 6, 8, 0, 0), new(2024, 5, 6, 8, 50, 0), tampaHotel, "Meet in the hotel lobby at 07:50.");
        Item("stp-hub", PhaseKind.Workshop, ItineraryEntryKind.SiteVisit, "Site visit: St. Pete maritime and defense technology hub", "st-petersburg",
            new(2024, 5, 6, 9, 0, 0), new(2024, 5, 6, 12, 0, 0), hub, "Maritime domain awareness, port security and the technology companies that support them.",
            host: "St. Pete maritime and defense technology hub");
        Item("stp-maritime", PhaseKind.Workshop, ItineraryEntryKind.Session, "Workshop: maritime security and ports of entry", "st-petersburg",
            new(2024, 5, 6, 13, 30, 0), new(2024, 5, 6, 16, 30, 0), campus);
        Item("stp-return", PhaseKind.Workshop, ItineraryEntryKind.Travel, "Bus back to Tampa", "st-petersburg",
            new(2024, 5, 6, 16, 45, 0), new(2024, 5, 6, 17, 35, 0), campus);
        Item("tpa-closing", PhaseKind.Workshop, ItineraryEntryKind.Session, "Workshop closing: action plans by region", "tampa",
            new(2024, 5, 7, 9, 0, 0), new(2024, 5, 7, 11, 30, 0), workshop);

        // Each group to its city and on to New York (flights May 7 and May 15).
        foreach (var g in groups.OrderBy(g => g.CityId, StringComparer.Ordinal))
        {
            if (!Cities.TryGetValue(g.CityId, out var c))
            {
                continue;
            }

            var city = CityCatalog.Get(g.CityId);
            g.InterpreterName ??= $"{city.Name} group interpreter (synthetic)";
            Leg($"tpa-{c.Airport.ToLowerInvariant()}", PhaseKind.Travel, c.OutFlight, "TPA", c.Airport,
                new DateTime(2024, 5, 7, 0, 0, 0).Add(c.OutDeparts), new DateTime(2024, 5, 7, 0, 0, 0).Add(c.OutArrives), g.Id);
            var hotel = new Place($"{city.Name} Downtown Demo Hotel{Synthetic}", $"100 Demo Main St (synthetic address), {city.Name}, {city.State}", city.Latitude, city.Longitude);
            Stay($"hotel-{g.CityId}", PhaseKind.CitySplit, hotel.Name, g.CityId, hotel, new(2024, 5, 7), new(2024, 5, 15), g.Id);
            Item($"weekend-{g.CityId}", PhaseKind.CitySplit, ItineraryEntryKind.CulturalVisit, $"Weekend cultural program in {city.Name}", g.CityId,
                new(2024, 5, 11, 10, 0, 0), new(2024, 5, 11, 15, 0, 0), new Place($"{city.Name} city center", null, city.Latitude, city.Longitude),
                "A guided visit arranged by the local partner (synthetic demo item).", groupId: g.Id);
            Item($"home-{g.CityId}", PhaseKind.CitySplit, ItineraryEntryKind.HomeHospitality, "Home hospitality dinner", g.CityId,
                new(2024, 5, 12, 18, 0, 0), new(2024, 5, 12, 20, 30, 0), new Place("Volunteer hosts' homes" + Synthetic, null, city.Latitude, city.Longitude),
                "Small groups dine with local volunteer families (synthetic demo item).", groupId: g.Id);
            Leg($"{c.Airport.ToLowerInvariant()}-nyc", PhaseKind.Travel, c.BackFlight, c.Airport, c.NewYorkAirport,
                new DateTime(2024, 5, 15, 0, 0, 0).Add(c.BackDeparts), new DateTime(2024, 5, 15, 0, 0, 0).Add(c.BackArrives), g.Id);
        }

        // New York conference (May 15 – 17) and departure.
        var nycHotel = new Place("Midtown Demo Hotel" + Synthetic, "700 Demo Ave (synthetic address), New York, NY 10019", 40.7637, -73.9830);
        var conference = new Place("Conference venue" + Synthetic + ", Midtown Manhattan", "1 Demo Plaza (synthetic address), New York, NY 10036", 40.7580, -73.9855);
        Stay("nyc-hotel", PhaseKind.Conference, nycHotel.Name, "new-york", nycHotel, new(2024, 5, 15), new(2024, 5, 17));
        Item("nyc-registration", PhaseKind.Conference, ItineraryEntryKind.Session, "Conference registration", "new-york",
            new(2024, 5, 16, 8, 0, 0), new(2024, 5, 16, 9, 0, 0), conference, "Bring your badge and passport.", host: "FBI New York Field Office");
        Item("nyc-reception", PhaseKind.Conference, ItineraryEntryKind.Session, "Tenth-anniversary reception", "new-york",
            new(2024, 5, 16, 18, 0, 0), new(2024, 5, 16, 20, 0, 0), conference);
        Item("nyc-departure", PhaseKind.Conference, ItineraryEntryKind.Travel, "Check-out and transfers to the airports (flights home)", "new-york",
            new(2024, 5, 17, 12, 30, 0), new(2024, 5, 17, 14, 0, 0), nycHotel, "Program staff give each participant their onward ticket.");

        await db.SaveChangesAsync(ct);
        return added;
    }

    private sealed record Place(string Name, string? Address, double Lat, double Lon);

    /// <summary>Each group's airports and (synthetic) flights: out of Tampa on May 7, on to New York on May 15; local times.</summary>
    private sealed record CityTrip(string Airport, string OutFlight, TimeSpan OutDeparts, TimeSpan OutArrives, string NewYorkAirport, string BackFlight, TimeSpan BackDeparts, TimeSpan BackArrives);

    private static TimeSpan T(int h, int m) => new(h, m, 0);

    private static readonly Dictionary<string, CityTrip> Cities = new(StringComparer.Ordinal)
    {
        ["austin"] = new("AUS", "DA 511", T(15, 30), T(17, 5), "LGA", "DA 811", T(8, 0), T(12, 35)),
        ["cleveland"] = new("CLE", "DA 512", T(15, 0), T(17, 35), "LGA", "DA 812", T(9, 0), T(10, 40)),
        ["huntsville"] = new("HSV", "DA 513", T(15, 10), T(16, 0), "LGA", "DA 813", T(8, 30), T(12, 15)),
        ["phoenix"] = new("PHX", "DA 514", T(15, 45), T(17, 35), "JFK", "DA 814", T(7, 0), T(14, 45)),
        ["tucson"] = new("TUS", "DA 515", T(14, 30), T(16, 30), "EWR", "DA 815", T(7, 15), T(15, 5)),
        ["reno"] = new("RNO", "DA 516", T(14, 0), T(16, 10), "JFK", "DA 816", T(7, 0), T(15, 30)),
        ["sacramento"] = new("SMF", "DA 517", T(14, 15), T(16, 40), "JFK", "DA 817", T(7, 30), T(16, 0)),
        ["san-diego"] = new("SAN", "DA 518", T(15, 0), T(17, 20), "JFK", "DA 818", T(7, 0), T(15, 20)),
        ["salt-lake-city"] = new("SLC", "DA 519", T(15, 20), T(17, 50), "JFK", "DA 819", T(8, 0), T(14, 20)),
    };
}
