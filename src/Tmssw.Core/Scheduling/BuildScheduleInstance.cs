using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using P = Tmssw.Planning.Scheduling;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// A group's week as the planner's input. <see cref="Solve"/> keeps the kept meetings (locked,
/// requested, confirmed, thanked) fixed by narrowing their offers' windows to their times and
/// making them required; <see cref="Check"/> has the hosts' real windows, for judging a schedule.
/// Declined offers are in neither.
/// </summary>
public sealed record BuiltSchedule(ScheduleSource Source, P.ScheduleInstance Solve, P.ScheduleInstance Check)
{
    /// <summary>The group's active meetings as the planner's scheduled meetings (with the zone's offsets).</summary>
    public IReadOnlyList<P.ScheduledMeeting> CurrentMeetings() =>
        [.. Source.Active.Select(m => new P.ScheduledMeeting(
            ScheduleRules.OfferKey(m.MeetingOfferId),
            CityTime.ToInstant(m.Start, Source.Zone),
            CityTime.ToInstant(m.End, Source.Zone)))];

    /// <summary>A violation with the planner's ids (o12, g3) replaced by the topic and host, and the group's name.</summary>
    public P.ScheduleViolation InWords(P.ScheduleViolation v)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(v.Message, @"\bo(\d+)\b", m =>
            Source.Offer(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) is { } o
                ? $"“{o.Topic}” ({o.Host?.Name})"
                : m.Value);
        text = text.Replace($"group {ScheduleRules.GroupKey(Source.Group.Id)}", Source.Group.Name, StringComparison.Ordinal);
        return v with { Message = char.ToUpperInvariant(text[0]) + text[1..] };
    }
}

/// <summary>Edition year + city id → the city group's scheduling instance, built from the database.</summary>
public sealed class BuildScheduleInstance(TmsswDbContext db)
{
    public async Task<(BuiltSchedule? Built, string? Error)> RunAsync(int year, string cityId, CancellationToken cancellationToken = default)
    {
        var (source, error) = await LoadAsync(year, cityId, cancellationToken);
        return source is null ? (null, error) : (Build(source), null);
    }

    /// <summary>Loads the group's week; the error says what is missing.</summary>
    public async Task<(ScheduleSource? Source, string? Error)> LoadAsync(int year, string cityId, CancellationToken cancellationToken = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Phases).FirstOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (edition is null)
        {
            return (null, $"No edition {year}.");
        }

        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cityId, cancellationToken);
        if (city is null)
        {
            return (null, $"No city '{cityId}'.");
        }

        var phase = edition.Phases.FirstOrDefault(p => p.Kind == PhaseKind.CitySplit && p.CityIds.Contains(cityId));
        if (phase?.StartDate is not { } first || phase.EndDate is not { } last)
        {
            return (null, $"The {year} edition has no city split in {city.DisplayName} with dates.");
        }

        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == edition.Id && g.CityId == cityId, cancellationToken);
        if (group is null)
        {
            return (null, $"The {year} edition has no group in {city.DisplayName}.");
        }

        TimeZoneInfo zone;
        try
        {
            zone = CityTime.Zone(city);
        }
        catch (TimeZoneNotFoundException)
        {
            return (null, $"{city.DisplayName} has the unknown time zone '{city.TimeZone}'.");
        }

        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        var offers = await db.MeetingOffers.AsNoTracking()
            .Include(o => o.Host).ThenInclude(h => h!.Venue)
            .Include(o => o.Venue)
            .Include(o => o.Windows)
            .Where(o => o.EditionId == edition.Id && o.Host!.CityId == cityId)
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == group.Id).OrderBy(m => m.Start).ToListAsync(cancellationToken);
        var busy = await db.GroupBusyItems.AsNoTracking().Where(b => b.GroupId == group.Id).OrderBy(b => b.Start).ToListAsync(cancellationToken);
        var isDefault = busy.Count == 0 && days.Count > 0;
        if (isDefault)
        {
            busy = [new GroupBusyItem
            {
                GroupId = group.Id,
                Label = ScheduleRules.DefaultArrivalLabel,
                Start = days[0].ToDateTime(ScheduleRules.DayStart),
                End = days[0].ToDateTime(ScheduleRules.DefaultArrivalEnd),
            }];
        }

        var publication = await db.SchedulePublications.AsNoTracking().FirstOrDefaultAsync(p => p.GroupId == group.Id, cancellationToken);
        return (new ScheduleSource(edition, phase, city, group, zone, days, offers, meetings, busy, isDefault, publication), null);
    }

    public static BuiltSchedule Build(ScheduleSource source)
    {
        var declined = source.DeclinedOfferIds;
        var kept = source.Active.Where(ScheduleSource.IsKept).GroupBy(m => m.MeetingOfferId).ToDictionary(g => g.Key, g => g.First());
        var offers = source.Offers.Where(o => !declined.Contains(o.Id)).ToList();

        var venues = new Dictionary<string, P.Venue>();
        foreach (var o in offers)
        {
            var v = ScheduleSource.VenueOf(o);
            var key = ScheduleRules.VenueKey(v?.Id);
            venues.TryAdd(key, v is null
                ? new P.Venue(key, source.City.DisplayName, source.City.Latitude, source.City.Longitude)
                : new P.Venue(key, v.Name, v.Latitude, v.Longitude));
        }

        var group = new P.VisitingGroup(
            ScheduleRules.GroupKey(source.Group.Id),
            [.. source.Busy.Select(b => new P.LocalSpan(b.Start, b.End))]);

        P.MeetingOffer ToOffer(Hosts.MeetingOffer o, bool fix)
        {
            var windows = o.Windows.OrderBy(w => w.Start).Select(w => new P.LocalSpan(w.Start, w.End)).ToList();
            var required = o.Required;
            if (fix && kept.TryGetValue(o.Id, out var m))
            {
                windows = [new P.LocalSpan(m.Start, m.End)];
                required = true;
            }

            return new P.MeetingOffer(
                ScheduleRules.OfferKey(o.Id),
                o.Host?.Code ?? $"h{o.HostOrganizationId}",
                group.Id,
                ScheduleRules.VenueKey(ScheduleSource.VenueOf(o)?.Id),
                fix && kept.TryGetValue(o.Id, out var k) ? (int)(k.End - k.Start).TotalMinutes : o.DurationMinutes,
                o.Value,
                required,
                windows);
        }

        P.ScheduleInstance Instance(bool fix) => new(
            source.City.TimeZone,
            source.Days,
            ScheduleRules.Day,
            [.. venues.Values],
            ScheduleRules.Travel,
            [group],
            [.. offers.Select(o => ToOffer(o, fix))]);

        return new BuiltSchedule(source, Instance(fix: true), Instance(fix: false));
    }
}
