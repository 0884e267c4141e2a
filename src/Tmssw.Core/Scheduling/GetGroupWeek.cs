using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Hosts;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>A fixed stretch of a day: lunch, arrival, a site visit (local times); BusyId when it is a recorded item.</summary>
public sealed record WeekItem(string Label, DateTime Start, DateTime End, int? BusyId = null);

/// <summary>
/// A meeting as the calendar shows it. Start and End are local wall-clock times in the city;
/// the instants carry the zone's real offset for that date.
/// </summary>
public sealed record WeekMeeting(
    int Id,
    int OfferId,
    string Topic,
    string HostName,
    string VenueName,
    DateTime Start,
    DateTime End,
    DateTimeOffset StartInstant,
    DateTimeOffset EndInstant,
    MeetingStatus Status,
    bool Locked,
    int Value,
    bool Required,
    int? TravelMinutesFromPrevious,
    IReadOnlyList<string> Conflicts);

public sealed record WeekDay(DateOnly Date, TimeSpan UtcOffset, IReadOnlyList<WeekMeeting> Meetings, IReadOnlyList<WeekItem> Fixed);

/// <summary>An offer with no meeting in the week.</summary>
public sealed record OpenOffer(int Id, string Topic, string HostName, int Minutes, int Value, bool Required);

/// <summary>A group's week in a city: what the calendar page, the CLI table and the tests read.</summary>
public sealed record GroupWeek(
    int EditionId,
    int Year,
    City City,
    int GroupId,
    string GroupName,
    string TimeZone,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    IReadOnlyList<WeekDay> Days,
    IReadOnlyList<WeekMeeting> Declined,
    IReadOnlyList<OpenOffer> Open,
    int Score,
    IReadOnlyList<P.ScheduleViolation> Violations,
    DateTimeOffset? PublishedAt,
    bool ArrivalIsDefault)
{
    public bool IsPublished => PublishedAt is not null;

    /// <summary>What the person who asked may do with the week (<see cref="UserScope.WeekAccessAsync"/>); never None.</summary>
    public WeekAccess Access { get; init; } = WeekAccess.Edit;

    public IEnumerable<WeekMeeting> Meetings => Days.SelectMany(d => d.Meetings);
}

/// <summary>
/// The data of a group's week calendar, for someone who reaches it (<see cref="UserScope.WeekAccessAsync"/>);
/// whether a read-only reader sees it before it is published is the page's choice of what to show.
/// </summary>
public sealed class GetGroupWeek(TmsswDbContext db, BuildScheduleInstance build)
{
    public async Task<(GroupWeek? Week, string? Error)> RunAsync(UserScope scope, int year, string cityId, CancellationToken cancellationToken = default)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        var access = editionId is { } id ? await scope.WeekAccessAsync(db, id, cityId, cancellationToken) : WeekAccess.Edit;
        if (access == WeekAccess.None)
        {
            throw new OutOfScopeException($"the {year} week in {cityId}");
        }

        var (built, error) = await build.RunAsync(year, cityId, cancellationToken);
        return built is null ? (null, error) : (Describe(built) with { Access = access }, null);
    }

    public static GroupWeek Describe(BuiltSchedule built)
    {
        var source = built.Source;
        var report = WeekConflicts.Evaluate(built);
        var venues = built.Check.Venues.ToDictionary(v => v.Id);
        var zone = source.Zone;

        WeekMeeting ToView(Meeting m, int? travel)
        {
            var offer = source.Offer(m.MeetingOfferId);
            var key = ScheduleRules.OfferKey(m.MeetingOfferId);
            return new WeekMeeting(
                m.Id,
                m.MeetingOfferId,
                offer?.Topic ?? "(offer removed)",
                offer?.Host?.Name ?? "",
                (offer is null ? null : ScheduleSource.VenueOf(offer))?.Name ?? source.City.DisplayName,
                m.Start,
                m.End,
                CityTime.ToInstant(m.Start, zone),
                CityTime.ToInstant(m.End, zone),
                m.Status,
                m.Locked,
                offer?.Value ?? 0,
                offer?.Required ?? false,
                travel,
                [.. report.Violations.Where(v => v.Offers.Contains(key)).Select(v => v.Message)]);
        }

        string VenueKeyOf(Meeting m) => ScheduleRules.VenueKey(source.Offer(m.MeetingOfferId) is { } o ? ScheduleSource.VenueOf(o)?.Id : null);

        var days = new List<WeekDay>();
        foreach (var day in source.Days)
        {
            var items = new List<WeekItem>
            {
                new("Lunch", day.ToDateTime(ScheduleRules.LunchStart), day.ToDateTime(ScheduleRules.LunchEnd)),
            };
            items.AddRange(source.Busy.Where(b => DateOnly.FromDateTime(b.Start) == day).Select(b => new WeekItem(b.Label, b.Start, b.End, b.Id == 0 ? null : b.Id)));

            var list = new List<WeekMeeting>();
            Meeting? previous = null;
            foreach (var m in source.Active.Where(m => DateOnly.FromDateTime(m.Start) == day).OrderBy(m => m.Start))
            {
                int? travel = null;
                if (previous is not null
                    && venues.TryGetValue(VenueKeyOf(previous), out var a)
                    && venues.TryGetValue(VenueKeyOf(m), out var b))
                {
                    travel = P.TravelTimes.FormulaMinutes(built.Check.Travel, a, b);
                }

                list.Add(ToView(m, travel));
                previous = m;
            }

            days.Add(new WeekDay(day, zone.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))), list, [.. items.OrderBy(i => i.Start)]));
        }

        var withMeeting = source.Meetings.Select(m => m.MeetingOfferId).ToHashSet();
        var open = source.Offers.Where(o => !withMeeting.Contains(o.Id))
            .Select(o => new OpenOffer(o.Id, o.Topic, o.Host?.Name ?? "", o.DurationMinutes, o.Value, o.Required))
            .ToList();
        var declined = source.Meetings.Where(m => m.Status == MeetingStatus.Declined).Select(m => ToView(m, null)).ToList();

        return new GroupWeek(
            source.Edition.Id,
            source.Edition.Year,
            source.City,
            source.Group.Id,
            source.Group.Name,
            source.City.TimeZone,
            ScheduleRules.DayStart,
            ScheduleRules.DayEnd,
            days,
            declined,
            open,
            report.Score,
            report.Violations,
            source.Publication?.PublishedAt,
            source.BusyIsDefault);
    }
}
