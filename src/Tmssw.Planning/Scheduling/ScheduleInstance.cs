namespace Tmssw.Planning.Scheduling;

/// <summary>
/// One scheduling problem: a visiting program's days in one city, the local hosts' meeting offers
/// and the rules every schedule keeps. Mirrors docs/formats/schedule-instance.md. All times are
/// local wall-clock times in <see cref="TimeZone"/> (DateTime of kind Unspecified).
/// </summary>
public sealed record ScheduleInstance(
    string TimeZone,
    IReadOnlyList<DateOnly> Days,
    DayRules Day,
    IReadOnlyList<Venue> Venues,
    TravelRules Travel,
    IReadOnlyList<VisitingGroup> Groups,
    IReadOnlyList<MeetingOffer> Offers);

/// <summary>The day's hours, an optional lunch break and the most meetings a group has in a day.</summary>
public sealed record DayRules(TimeOnly Start, TimeOnly End, LunchBreak? Lunch, int MaxMeetings);

/// <summary>Lunch: no meeting overlaps [Start, End) on any day.</summary>
public sealed record LunchBreak(TimeOnly Start, TimeOnly End);

/// <summary>A place where meetings happen, with its coordinates in degrees.</summary>
public sealed record Venue(string Id, string Name, double Lat, double Lon);

/// <summary>How travel time between two venues is found.</summary>
public sealed record TravelRules(double MinutesPerKm, int MinimumMinutes, IReadOnlyList<TravelOverride> Overrides);

/// <summary>A symmetric travel time between two venues that replaces the distance formula.</summary>
public sealed record TravelOverride(string From, string To, int Minutes);

/// <summary>A visiting group and its fixed items (arrival, home hospitality, hand-set visits).</summary>
public sealed record VisitingGroup(string Id, IReadOnlyList<LocalSpan> Busy);

/// <summary>A span of local wall-clock time, [Start, End).</summary>
public sealed record LocalSpan(DateTime Start, DateTime End);

/// <summary>A host's offer to meet a group at a venue for some minutes within some windows.</summary>
public sealed record MeetingOffer(
    string Id,
    string Host,
    string Group,
    string Venue,
    int Minutes,
    int Value,
    bool Required,
    IReadOnlyList<LocalSpan> Windows);

/// <summary>A problem in the input: where (a JSON path such as <c>$.offers[2].venue</c>) and what.</summary>
public sealed record ScheduleInputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A meeting in a schedule: which offer, and when (with the zone's offset for that date).</summary>
public sealed record ScheduledMeeting(string Offer, DateTimeOffset Start, DateTimeOffset End);

/// <summary>An offer left out of the schedule, and why, in words a host understands.</summary>
public sealed record UnscheduledOffer(string Offer, string Reason);

/// <summary>What the scheduler (or the greedy baseline) produced.</summary>
public sealed record ScheduleResult(
    PlanningStatus Status,
    int Score,
    int Bound,
    IReadOnlyList<ScheduledMeeting> Meetings,
    IReadOnlyList<UnscheduledOffer> Unscheduled,
    double Seconds)
{
    /// <summary>How many meetings differ from <see cref="ScheduleOptions.PreviousSchedule"/> (0 without one).</summary>
    public int Moved { get; init; }

    /// <summary>Hard rules the returned schedule breaks by <see cref="ScheduleScorer"/>'s check: always empty unless something is wrong.</summary>
    public IReadOnlyList<ScheduleViolation> Violations { get; init; } = [];
}
