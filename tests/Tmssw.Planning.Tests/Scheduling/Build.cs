using System.Globalization;
using Tmssw.Planning.Scheduling;

namespace Tmssw.Planning.Tests.Scheduling;

/// <summary>Small hand-made instances.</summary>
internal static class Build
{
    public const string Day1 = "2024-05-06";
    public const string Day2 = "2024-05-07";

    // Two venues in downtown Phoenix ~1.3 km apart, one in Tempe ~12.7 km away.
    public static readonly Venue V1 = new("v1", "Phoenix Police HQ", 33.4484, -112.0740);
    public static readonly Venue V2 = new("v2", "Phoenix City Hall", 33.4489, -112.0773);
    public static readonly Venue V3 = new("v3", "ASU Tempe", 33.4255, -111.9400);

    public static DateTime L(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static LocalSpan Span(string start, string end) => new(L(start), L(end));

    public static MeetingOffer Offer(string id, string host, string group, string venue, int minutes, int value,
        bool required = false, params (string Start, string End)[] windows) =>
        new(id, host, group, venue, minutes, value, required, [.. windows.Select(w => Span(w.Start, w.End))]);

    public static ScheduleInstance Instance(
        IEnumerable<MeetingOffer> offers,
        string timeZone = "America/Phoenix",
        string[]? days = null,
        string start = "09:00",
        string end = "17:30",
        bool lunch = true,
        int maxMeetings = 4,
        IEnumerable<VisitingGroup>? groups = null,
        TravelRules? travel = null) =>
        new(timeZone,
            [.. (days ?? [Day1]).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            new DayRules(T(start), T(end), lunch ? new LunchBreak(T("12:00"), T("13:00")) : null, maxMeetings),
            [V1, V2, V3],
            travel ?? new TravelRules(2, 15, []),
            [.. groups ?? [new VisitingGroup("g1", []), new VisitingGroup("g2", [])]],
            [.. offers]);

    public static TimeOnly T(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public static ScheduleOptions Fast => new() { TimeLimit = TimeSpan.FromSeconds(5), Workers = 2 };

    public static string LocalStart(ScheduleResult r, string offer) =>
        r.Meetings.Single(m => m.Offer == offer).Start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
