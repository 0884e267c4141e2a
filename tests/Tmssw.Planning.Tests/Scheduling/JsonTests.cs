using System.Text.Json;
using Tmssw.Planning.Scheduling;

namespace Tmssw.Planning.Tests.Scheduling;

public class JsonTests
{
    private const string Example = """
    {
      "timeZone": "America/Phoenix",
      "days": ["2024-05-06", "2024-05-07", "2024-05-08"],
      "day": { "start": "09:00", "end": "17:30", "lunch": ["12:00", "13:00"], "maxMeetings": 4 },
      "venues": [ { "id": "v1", "name": "Phoenix Police HQ", "lat": 33.4484, "lon": -112.0740 },
                  { "id": "v2", "name": "City Hall", "lat": 33.4489, "lon": -112.0773 } ],
      "travel": { "minutesPerKm": 2, "minimumMinutes": 15, "overrides": [["v1", "v2", 40]] },
      "groups": [ { "id": "g1", "busy": [["2024-05-06T09:00", "2024-05-06T10:30"]] } ],
      "offers": [
        { "id": "m1", "host": "phx-pd", "group": "g1", "venue": "v1", "minutes": 90,
          "value": 5, "required": false,
          "windows": [["2024-05-06T09:00", "2024-05-07T12:00"]] }
      ]
    }
    """;

    private static IReadOnlyList<ScheduleInputError> Errors(string json)
    {
        var (instance, errors) = ScheduleJson.ReadInstance(json);
        Assert.Null(instance);
        Assert.NotEmpty(errors);
        return errors;
    }

    [Fact]
    public void The_format_example_reads()
    {
        var (instance, errors) = ScheduleJson.ReadInstance(Example);
        Assert.Empty(errors);
        Assert.NotNull(instance);
        Assert.Equal(3, instance.Days.Count);
        Assert.Equal(new TimeOnly(12, 0), instance.Day.Lunch!.Start);
        Assert.Equal(40, instance.Travel.Overrides.Single().Minutes);
        Assert.Equal(Build.L("2024-05-06T10:30"), instance.Groups[0].Busy[0].End);
        Assert.Equal(90, instance.Offers[0].Minutes);
    }

    [Fact]
    public void Unknown_fields_are_rejected_with_their_path()
    {
        var e = Errors(Example.Replace("\"value\": 5,", "\"value\": 5, \"colour\": \"red\","));
        Assert.Contains("unknown field 'colour'", e[0].Message);
        Assert.StartsWith("$.offers[0]", e[0].Path);

        e = Errors(Example.Replace("\"timeZone\"", "\"tz\": 1, \"timeZone\""));
        Assert.Contains("unknown field 'tz'", e[0].Message);
    }

    [Fact]
    public void Unknown_venue_id_names_the_path()
    {
        var e = Errors(Example.Replace("\"venue\": \"v1\"", "\"venue\": \"v9\""));
        Assert.Contains(e, x => x.Path == "$.offers[0].venue" && x.Message.Contains("unknown venue id 'v9'"));
    }

    [Fact]
    public void Window_end_before_start_is_an_error()
    {
        var e = Errors(Example.Replace("[\"2024-05-06T09:00\", \"2024-05-07T12:00\"]", "[\"2024-05-07T12:00\", \"2024-05-06T09:00\"]"));
        Assert.Contains(e, x => x.Path == "$.offers[0].windows[0]" && x.Message.Contains("not after start"));
    }

    [Fact]
    public void Time_not_on_format_is_an_error()
    {
        var e = Errors(Example.Replace("2024-05-06T10:30", "2024-05-06 10:30"));
        Assert.Contains(e, x => x.Path == "$.groups[0].busy[0][1]" && x.Message.Contains("YYYY-MM-DDTHH:MM"));
        e = Errors(Example.Replace("\"17:30\"", "\"5:30pm\""));
        Assert.Contains(e, x => x.Path == "$.day.end");
    }

    [Fact]
    public void Unknown_time_zone_is_an_error()
    {
        var e = Errors(Example.Replace("America/Phoenix", "Mars/Olympus_Mons"));
        Assert.Contains(e, x => x.Path == "$.timeZone" && x.Message.Contains("unknown time zone"));
    }

    [Theory]
    [InlineData("America")] // a folder of the zone database: the platform refuses to read it (found by the fuzzer)
    [InlineData("../../etc/passwd")]
    public void A_zone_name_that_is_no_zone_file_is_an_error(string zone)
    {
        var e = Errors(Example.Replace("America/Phoenix", zone));
        Assert.Contains(e, x => x.Path == "$.timeZone" && x.Message.Contains("unknown time zone"));
    }

    [Fact]
    public void Wrong_type_and_broken_json_give_a_message_not_a_stack_trace()
    {
        var e = Errors(Example.Replace("\"minutes\": 90", "\"minutes\": \"ninety\""));
        Assert.Equal("$.offers[0].minutes", e[0].Path);
        Assert.Contains("invalid value: expected an integer", e[0].Message); // one wording for both planners (issue 9)
        e = Errors("{ \"timeZone\": ");
        Assert.DoesNotContain("   at ", e[0].Message);
    }

    [Fact]
    public void Result_is_written_in_the_output_format()
    {
        var (instance, _) = ScheduleJson.ReadInstance(Example);
        var result = MeetingScheduler.Solve(instance!, Build.Fast);
        var json = ScheduleJson.WriteResult(result);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["status", "score", "bound", "meetings", "unscheduled", "seconds"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Optimal", root.GetProperty("status").GetString());
        Assert.Equal(5, root.GetProperty("score").GetInt32());
        var m = root.GetProperty("meetings")[0];
        Assert.Equal(["offer", "start", "end"], m.EnumerateObject().Select(p => p.Name).ToArray());
        var start = m.GetProperty("start").GetString()!;
        var end = m.GetProperty("end").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d-07:00$", start);
        Assert.Equal(TimeSpan.FromMinutes(90), DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(ScheduleScorer.Evaluate(instance!, result.Meetings).IsValid);
    }
}
