using Tmssw.Planning.Scheduling;

namespace Tmssw.Bench.Schedule;

/// <summary>Generated instances: demo-like cities (one group each) and a large shared-host week.</summary>
internal static class Generators
{
    private sealed record City(string Name, string Zone, (string Name, double Lat, double Lon)[] Venues);

    // Real places (approximate coordinates) in each city of a typical program.
    private static readonly City[] Cities =
    [
        new("phoenix", "America/Phoenix", [("Phoenix City Hall", 33.4489, -112.0773), ("Phoenix Police HQ", 33.4484, -112.0740), ("ASU Downtown Phoenix", 33.4530, -112.0730), ("Arizona State Capitol", 33.4481, -112.0970), ("ASU Tempe", 33.4242, -111.9281), ("Maricopa County Courthouse", 33.4475, -112.0723), ("Phoenix Sky Harbor", 33.4373, -112.0078)]),
        new("salt-lake-city", "America/Denver", [("Utah State Capitol", 40.7774, -111.8882), ("City & County Building", 40.7608, -111.8863), ("University of Utah", 40.7649, -111.8421), ("Salt Lake City Library", 40.7620, -111.8841), ("Salt Palace", 40.7672, -111.8959), ("Salt Lake City Airport", 40.7899, -111.9791)]),
        new("denver", "America/Denver", [("Colorado State Capitol", 39.7393, -104.9848), ("Denver City Hall", 39.7392, -104.9903), ("University of Denver", 39.6766, -104.9619), ("Auraria Campus", 39.7447, -105.0061), ("Denver Police HQ", 39.7370, -104.9930), ("Federal Center Lakewood", 39.7136, -105.1174)]),
        new("seattle", "America/Los_Angeles", [("Seattle City Hall", 47.6036, -122.3294), ("University of Washington", 47.6553, -122.3035), ("Seattle Center", 47.6215, -122.3517), ("King County Courthouse", 47.6024, -122.3301), ("Port of Seattle Pier 69", 47.6139, -122.3537), ("Microsoft Redmond", 47.6423, -122.1369)]),
        new("chicago", "America/Chicago", [("Chicago City Hall", 41.8837, -87.6321), ("University of Illinois Chicago", 41.8708, -87.6505), ("Northwestern Chicago Campus", 41.8965, -87.6186), ("Chicago Police HQ", 41.8305, -87.6248), ("Federal Reserve Bank of Chicago", 41.8781, -87.6324), ("University of Chicago", 41.7886, -87.5987)]),
        new("atlanta", "America/New_York", [("Atlanta City Hall", 33.7489, -84.3906), ("Georgia Tech", 33.7756, -84.3963), ("Emory University", 33.7925, -84.3240), ("Georgia State Capitol", 33.7490, -84.3880), ("CDC Roybal Campus", 33.7993, -84.3280), ("Carter Center", 33.7669, -84.3556)]),
        new("boston", "America/New_York", [("Boston City Hall", 42.3603, -71.0580), ("MIT", 42.3601, -71.0942), ("Harvard University", 42.3770, -71.1167), ("Massachusetts State House", 42.3588, -71.0638), ("Boston Police HQ", 42.3340, -71.0900), ("Northeastern University", 42.3398, -71.0892)]),
        new("miami", "America/New_York", [("Miami City Hall", 25.7275, -80.2337), ("Florida International University", 25.7574, -80.3733), ("University of Miami", 25.7215, -80.2793), ("Miami-Dade County Hall", 25.7763, -80.1963), ("PortMiami", 25.7781, -80.1794), ("Miami Dade College Wolfson", 25.7771, -80.1906)]),
        new("honolulu", "Pacific/Honolulu", [("Honolulu Hale", 21.3069, -157.8583), ("Hawaii State Capitol", 21.3073, -157.8573), ("University of Hawaii at Manoa", 21.2969, -157.8171), ("East-West Center", 21.2987, -157.8146), ("Honolulu Police HQ", 21.3034, -157.8512), ("Pearl Harbor Visitor Center", 21.3670, -157.9390)]),
    ];

    private static readonly string[] Week = ["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"];

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static DayRules Day(int max) => new(new TimeOnly(9, 0), new TimeOnly(17, 30), new LunchBreak(new TimeOnly(12, 0), new TimeOnly(13, 0)), max);

    /// <summary>A host's window: a morning, an afternoon, a whole day or two days running.</summary>
    private static LocalSpan Window(Random rng, DateOnly[] days)
    {
        var d = rng.Next(days.Length);
        var day = days[d].ToDateTime(TimeOnly.MinValue);
        return rng.Next(10) switch
        {
            < 3 => new LocalSpan(day.AddHours(9), day.AddHours(12)),
            < 6 => new LocalSpan(day.AddHours(13), day.AddHours(17)),
            < 8 => new LocalSpan(day.AddHours(9), day.AddHours(17.5)),
            _ => new LocalSpan(day.AddHours(9), days[Math.Min(d + 1, days.Length - 1)].ToDateTime(TimeOnly.MinValue).AddHours(17.5)),
        };
    }

    private static readonly int[] Durations = [45, 60, 60, 60, 90, 90, 120];

    public static IEnumerable<(string Name, ScheduleInstance Instance)> CityInstances(int count = 9)
    {
        var days = Week.Select(D).ToArray();
        for (var c = 0; c < Math.Min(count, Cities.Length); c++)
        {
            var city = Cities[c];
            var rng = new Random(1000 + c);
            var venues = city.Venues.Select((v, i) => new Venue($"v{i}", v.Name, v.Lat, v.Lon)).ToList();
            var hostCount = rng.Next(6, 13);
            var hostVenue = Enumerable.Range(0, hostCount).Select(_ => rng.Next(venues.Count)).ToArray();
            var offerCount = rng.Next(10, 21);
            var offers = new List<MeetingOffer>();
            for (var o = 0; o < offerCount; o++)
            {
                var h = o < hostCount ? o : rng.Next(hostCount);
                var windows = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => Window(rng, days)).ToList();
                offers.Add(new MeetingOffer($"{city.Name}-m{o + 1}", $"{city.Name}-h{h + 1}", "g1", venues[hostVenue[h]].Id,
                    Durations[rng.Next(Durations.Length)], rng.Next(1, 11), o < 2, windows));
            }
            var mon = days[0].ToDateTime(TimeOnly.MinValue);
            var wed = days[2].ToDateTime(TimeOnly.MinValue);
            var busy = new List<LocalSpan> { new(mon.AddHours(9), mon.AddHours(11)), new(wed.AddHours(14), wed.AddHours(17)) };
            // Required offers get a window that surely fits: Tuesday and Thursday, whole day.
            for (var r = 0; r < 2; r++)
            {
                var day = days[1 + 2 * r].ToDateTime(TimeOnly.MinValue);
                offers[r] = offers[r] with { Windows = [new LocalSpan(day.AddHours(9), day.AddHours(17.5))] };
            }
            var instance = new ScheduleInstance(city.Zone, days, Day(4), venues, new TravelRules(2, 15, []),
                [new VisitingGroup("g1", busy)], offers);
            yield return ($"city {city.Name} ({offerCount} offers, {hostCount} hosts)", instance);
        }
    }

    /// <summary>10 groups × 5 days × 200 offers from 40 hosts shared between groups (Chicago venues).</summary>
    public static ScheduleInstance Large(int seed, int groups = 10, int offers = 200, int hosts = 40)
    {
        var rng = new Random(seed);
        var days = Week.Select(D).ToArray();
        var city = Cities[4];
        var venues = city.Venues.Select((v, i) => new Venue($"v{i}", v.Name, v.Lat, v.Lon)).ToList();
        // More venues: hosts' own offices scattered within ~8 km of downtown.
        for (var i = venues.Count; i < 20; i++)
        {
            venues.Add(new Venue($"v{i}", $"Office {i}", 41.8837 + (rng.NextDouble() - 0.5) * 0.14, -87.6321 + (rng.NextDouble() - 0.5) * 0.18));
        }

        var hostVenue = Enumerable.Range(0, hosts).Select(_ => rng.Next(venues.Count)).ToArray();
        var list = new List<MeetingOffer>();
        for (var o = 0; o < offers; o++)
        {
            var h = rng.Next(hosts);
            var g = o % groups;
            var windows = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => Window(rng, days)).ToList();
            list.Add(new MeetingOffer($"m{o + 1}", $"h{h + 1}", $"g{g + 1}", venues[hostVenue[h]].Id,
                Durations[rng.Next(Durations.Length)], rng.Next(1, 11), false, windows));
        }
        var groupList = Enumerable.Range(0, groups).Select(g =>
        {
            var day = days[g % days.Length].ToDateTime(TimeOnly.MinValue);
            return new VisitingGroup($"g{g + 1}", [new LocalSpan(day.AddHours(9), day.AddHours(10.5))]);
        }).ToList();
        return new ScheduleInstance("America/Chicago", days, Day(3), venues, new TravelRules(2.5, 15, []), groupList, list);
    }
}
