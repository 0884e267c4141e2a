using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tmssw.Planning.Scheduling;

/// <summary>Reads a schedule instance and writes a schedule result, exactly as docs/formats/schedule-instance.md says.</summary>
public static class ScheduleJson
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>
    /// Parses and checks an instance. On success <c>Instance</c> is set and <c>Errors</c> is empty;
    /// otherwise <c>Instance</c> is null and every error names its JSON path and the problem.
    /// Never throws for bad input.
    /// </summary>
    public static (ScheduleInstance? Instance, IReadOnlyList<ScheduleInputError> Errors) ReadInstance(string json)
    {
        InstanceDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<InstanceDto>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            var problem = JsonErrors.Explain(ex);
            return (null, [new ScheduleInputError(problem.Path, problem.Message)]);
        }
        if (dto is null)
        {
            return (null, [new ScheduleInputError("$", "expected an object, found null")]);
        }

        var errors = new List<ScheduleInputError>();
        var instance = new Validator(errors).Build(dto);
        return errors.Count == 0 ? (instance, []) : (null, errors);
    }

    /// <summary>Writes a result: status, score, bound, meetings (offer, start, end with offset), unscheduled, seconds.</summary>
    public static string WriteResult(ScheduleResult result, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("status", result.Status.ToString());
            w.WriteNumber("score", result.Score);
            w.WriteNumber("bound", result.Bound);
            w.WriteStartArray("meetings");
            foreach (var m in result.Meetings.OrderBy(m => m.Start).ThenBy(m => m.Offer, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("offer", m.Offer);
                w.WriteString("start", FormatTime(m.Start));
                w.WriteString("end", FormatTime(m.End));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("unscheduled");
            foreach (var u in result.Unscheduled)
            {
                w.WriteStartObject();
                w.WriteString("offer", u.Offer);
                w.WriteString("reason", u.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("seconds", Math.Round(result.Seconds, 3));
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary><c>2024-05-06T10:45-07:00</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>YYYY-MM-DDTHH:MM</c> (local, no offset).</summary>
    public static bool TryParseLocal(string? text, out DateTime local) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    // ---- input shapes (internal: the public records are typed) ----

    private sealed class InstanceDto
    {
        public string? TimeZone { get; set; }
        public List<string?>? Days { get; set; }
        public DayDto? Day { get; set; }
        public List<VenueDto?>? Venues { get; set; }
        public TravelDto? Travel { get; set; }
        public List<GroupDto?>? Groups { get; set; }
        public List<OfferDto?>? Offers { get; set; }
    }

    private sealed class DayDto
    {
        public string? Start { get; set; }
        public string? End { get; set; }
        public List<string?>? Lunch { get; set; }
        public int? MaxMeetings { get; set; }
    }

    private sealed class VenueDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public double? Lat { get; set; }
        public double? Lon { get; set; }
    }

    private sealed class TravelDto
    {
        public double? MinutesPerKm { get; set; }
        public int? MinimumMinutes { get; set; }
        public List<List<JsonElement>?>? Overrides { get; set; }
    }

    private sealed class GroupDto
    {
        public string? Id { get; set; }
        public List<List<string?>?>? Busy { get; set; }
    }

    private sealed class OfferDto
    {
        public string? Id { get; set; }
        public string? Host { get; set; }
        public string? Group { get; set; }
        public string? Venue { get; set; }
        public int? Minutes { get; set; }
        public int? Value { get; set; }
        public bool? Required { get; set; }
        public List<List<string?>?>? Windows { get; set; }
    }

    private sealed class Validator(List<ScheduleInputError> errors)
    {
        private void Error(string path, string message) => errors.Add(new ScheduleInputError(path, message));

        public ScheduleInstance? Build(InstanceDto dto)
        {
            var zone = dto.TimeZone;
            if (string.IsNullOrWhiteSpace(zone))
            {
                Error("$.timeZone", "missing: give an IANA time zone such as America/Phoenix");
            }
            else
            {
                try
                {
                    _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
                }
                // A name that is a folder of the zone database ("America") is refused as unreadable, not as unknown.
                catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
                {
                    Error("$.timeZone", $"unknown time zone '{zone}': give an IANA id such as America/Phoenix");
                }
            }

            var days = new List<DateOnly>();
            if (dto.Days is null || dto.Days.Count == 0)
            {
                Error("$.days", "missing: list the program days as YYYY-MM-DD");
            }
            else
            {
                for (var i = 0; i < dto.Days.Count; i++)
                {
                    if (!DateOnly.TryParseExact(dto.Days[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    {
                        Error($"$.days[{i}]", $"'{dto.Days[i]}' is not a date of the form YYYY-MM-DD");
                    }
                    else if (days.Count > 0 && day <= days[^1])
                    {
                        Error($"$.days[{i}]", $"{day:yyyy-MM-dd} is not after the day before it: list days in order, once each");
                    }
                    else
                    {
                        days.Add(day);
                    }
                }
            }

            var dayRules = BuildDay(dto.Day);
            var venues = BuildVenues(dto.Venues);
            var venueIds = venues.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            var travel = BuildTravel(dto.Travel, venueIds);
            var groups = BuildGroups(dto.Groups);
            var groupIds = groups.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            var offers = BuildOffers(dto.Offers, venueIds, groupIds);

            if (errors.Count > 0 || dayRules is null)
            {
                return null;
            }

            return new ScheduleInstance(zone!, days, dayRules, venues, travel, groups, offers);
        }

        private bool TryTime(string path, string? text, out TimeOnly time)
        {
            if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
            {
                return true;
            }

            Error(path, text is null ? "missing: give a time as HH:MM" : $"'{text}' is not a time of the form HH:MM");
            return false;
        }

        private DayRules? BuildDay(DayDto? day)
        {
            if (day is null)
            {
                Error("$.day", "missing: give start, end and maxMeetings");
                return null;
            }
            var ok = TryTime("$.day.start", day.Start, out var start);
            ok &= TryTime("$.day.end", day.End, out var end);
            if (ok && end <= start)
            {
                Error("$.day.end", $"end {end:HH:mm} is not after start {start:HH:mm}");
                ok = false;
            }
            LunchBreak? lunch = null;
            if (day.Lunch is not null)
            {
                if (day.Lunch.Count != 2)
                {
                    Error("$.day.lunch", "expected [start, end], two times HH:MM");
                    ok = false;
                }
                else if (TryTime("$.day.lunch[0]", day.Lunch[0], out var ls) & TryTime("$.day.lunch[1]", day.Lunch[1], out var le))
                {
                    if (le <= ls)
                    {
                        Error("$.day.lunch[1]", $"lunch end {le:HH:mm} is not after its start {ls:HH:mm}");
                        ok = false;
                    }
                    else
                    {
                        lunch = new LunchBreak(ls, le);
                    }
                }
                else
                {
                    ok = false;
                }
            }
            if (day.MaxMeetings is null)
            {
                Error("$.day.maxMeetings", "missing: the most meetings a group has in a day");
                ok = false;
            }
            else if (day.MaxMeetings < 1)
            {
                Error("$.day.maxMeetings", $"must be at least 1, not {day.MaxMeetings}");
                ok = false;
            }
            return ok ? new DayRules(start, end, lunch, day.MaxMeetings!.Value) : null;
        }

        private List<Venue> BuildVenues(List<VenueDto?>? list)
        {
            var venues = new List<Venue>();
            if (list is null)
            {
                Error("$.venues", "missing: list the venues");
                return venues;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.venues[{i}]";
                var v = list[i];
                if (v is null)
                {
                    Error(path, "expected a venue object, found null");
                    continue;
                }
                var ok = true;
                if (string.IsNullOrWhiteSpace(v.Id))
                {
                    Error(path + ".id", "missing");
                    ok = false;
                }
                else if (!seen.Add(v.Id))
                {
                    Error(path + ".id", $"venue id '{v.Id}' is used twice");
                    ok = false;
                }
                if (v.Lat is null or < -90 or > 90)
                {
                    Error(path + ".lat", v.Lat is null ? "missing: latitude in degrees" : $"latitude {v.Lat} is not between -90 and 90");
                    ok = false;
                }
                if (v.Lon is null or < -180 or > 180)
                {
                    Error(path + ".lon", v.Lon is null ? "missing: longitude in degrees" : $"longitude {v.Lon} is not between -180 and 180");
                    ok = false;
                }
                if (ok)
                {
                    venues.Add(new Venue(v.Id!, v.Name ?? v.Id!, v.Lat!.Value, v.Lon!.Value));
                }
            }
            return venues;
        }

        private TravelRules BuildTravel(TravelDto? t, HashSet<string> venueIds)
        {
            if (t is null)
            {
                Error("$.travel", "missing: give minutesPerKm and minimumMinutes");
                return new TravelRules(0, 0, []);
            }
            if (t.MinutesPerKm is null or < 0)
            {
                Error("$.travel.minutesPerKm", t.MinutesPerKm is null ? "missing" : "must not be negative");
            }

            if (t.MinimumMinutes is null or < 0)
            {
                Error("$.travel.minimumMinutes", t.MinimumMinutes is null ? "missing" : "must not be negative");
            }

            var overrides = new List<TravelOverride>();
            for (var i = 0; i < (t.Overrides?.Count ?? 0); i++)
            {
                var path = $"$.travel.overrides[{i}]";
                var o = t.Overrides![i];
                if (o is null || o.Count != 3 || o[0].ValueKind != JsonValueKind.String || o[1].ValueKind != JsonValueKind.String
                    || o[2].ValueKind != JsonValueKind.Number || !o[2].TryGetInt32(out var minutes) || minutes < 0)
                {
                    Error(path, "expected [venueId, venueId, minutes] with whole minutes ≥ 0");
                    continue;
                }
                var a = o[0].GetString()!;
                var b = o[1].GetString()!;
                var ok = true;
                if (!venueIds.Contains(a))
                {
                    Error(path + "[0]", $"unknown venue id '{a}'");
                    ok = false;
                }
                if (!venueIds.Contains(b))
                {
                    Error(path + "[1]", $"unknown venue id '{b}'");
                    ok = false;
                }
                if (ok)
                {
                    overrides.Add(new TravelOverride(a, b, minutes));
                }
            }
            return new TravelRules(t.MinutesPerKm ?? 0, t.MinimumMinutes ?? 0, overrides);
        }

        private List<LocalSpan> BuildSpans(string path, List<List<string?>?>? list, bool required)
        {
            var spans = new List<LocalSpan>();
            if (list is null || list.Count == 0)
            {
                if (required)
                {
                    Error(path, "missing: give at least one [start, end] window");
                }

                return spans;
            }
            for (var i = 0; i < list.Count; i++)
            {
                var p = $"{path}[{i}]";
                var pair = list[i];
                if (pair is null || pair.Count != 2)
                {
                    Error(p, "expected [start, end], two times YYYY-MM-DDTHH:MM");
                    continue;
                }
                var ok = true;
                if (!TryParseLocal(pair[0], out var s))
                {
                    Error(p + "[0]", $"'{pair[0]}' is not a time of the form YYYY-MM-DDTHH:MM");
                    ok = false;
                }
                if (!TryParseLocal(pair[1], out var e))
                {
                    Error(p + "[1]", $"'{pair[1]}' is not a time of the form YYYY-MM-DDTHH:MM");
                    ok = false;
                }
                if (!ok)
                {
                    continue;
                }

                if (e <= s)
                {
                    Error(p, $"end {pair[1]} is not after start {pair[0]}");
                    continue;
                }
                spans.Add(new LocalSpan(s, e));
            }
            return spans;
        }

        private List<VisitingGroup> BuildGroups(List<GroupDto?>? list)
        {
            var groups = new List<VisitingGroup>();
            if (list is null)
            {
                Error("$.groups", "missing: list the visiting groups");
                return groups;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.groups[{i}]";
                var g = list[i];
                if (g is null)
                {
                    Error(path, "expected a group object, found null");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(g.Id))
                {
                    Error(path + ".id", "missing");
                    continue;
                }
                if (!seen.Add(g.Id))
                {
                    Error(path + ".id", $"group id '{g.Id}' is used twice");
                    continue;
                }
                groups.Add(new VisitingGroup(g.Id, BuildSpans(path + ".busy", g.Busy, required: false)));
            }
            return groups;
        }

        private List<MeetingOffer> BuildOffers(List<OfferDto?>? list, HashSet<string> venueIds, HashSet<string> groupIds)
        {
            var offers = new List<MeetingOffer>();
            if (list is null)
            {
                Error("$.offers", "missing: list the meeting offers");
                return offers;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.offers[{i}]";
                var o = list[i];
                if (o is null)
                {
                    Error(path, "expected an offer object, found null");
                    continue;
                }
                var before = errors.Count;
                if (string.IsNullOrWhiteSpace(o.Id))
                {
                    Error(path + ".id", "missing");
                }
                else if (!seen.Add(o.Id))
                {
                    Error(path + ".id", $"offer id '{o.Id}' is used twice");
                }

                if (string.IsNullOrWhiteSpace(o.Host))
                {
                    Error(path + ".host", "missing");
                }

                if (string.IsNullOrWhiteSpace(o.Group))
                {
                    Error(path + ".group", "missing");
                }
                else if (!groupIds.Contains(o.Group))
                {
                    Error(path + ".group", $"unknown group id '{o.Group}'");
                }

                if (string.IsNullOrWhiteSpace(o.Venue))
                {
                    Error(path + ".venue", "missing");
                }
                else if (!venueIds.Contains(o.Venue))
                {
                    Error(path + ".venue", $"unknown venue id '{o.Venue}'");
                }

                if (o.Minutes is null)
                {
                    Error(path + ".minutes", "missing");
                }
                else if (o.Minutes is < 1 or > ScheduleContext.DayMinutes)
                {
                    Error(path + ".minutes", $"{o.Minutes} is not between 1 and 1440");
                }

                if (o.Value is null)
                {
                    Error(path + ".value", "missing");
                }
                else if (o.Value < 0)
                {
                    Error(path + ".value", "must not be negative");
                }

                var windows = BuildSpans(path + ".windows", o.Windows, required: true);
                if (errors.Count == before)
                {
                    offers.Add(new MeetingOffer(o.Id!, o.Host!, o.Group!, o.Venue!, o.Minutes!.Value, o.Value!.Value, o.Required ?? false, windows));
                }
            }
            return offers;
        }
    }
}
