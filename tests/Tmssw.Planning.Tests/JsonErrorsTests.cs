using System.Text.Json;
using Tmssw.Planning.Scheduling;
using Tmssw.Planning.Splits;

namespace Tmssw.Planning.Tests;

/// <summary>One explainer of System.Text.Json's errors for both planners: the same wording, one path style.</summary>
public sealed class JsonErrorsTests
{
    private sealed class Shape
    {
        public int? Count { get; set; }
        public double? Share { get; set; }
        public bool? Flag { get; set; }
        public string? Name { get; set; }
        public List<string?>? Names { get; set; }
        public Dictionary<string, int>? Weights { get; set; }
        public List<Shape?>? Children { get; set; }
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static JsonProblem Explain(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Shape>(json, Options));
        return JsonErrors.Explain(exception);
    }

    [Theory]
    [InlineData("""{ "count": "ten" }""", "$.count", "invalid value: expected an integer")]
    [InlineData("""{ "share": true }""", "$.share", "invalid value: expected a number")]
    [InlineData("""{ "flag": 1 }""", "$.flag", "invalid value: expected true or false")]
    [InlineData("""{ "name": 1 }""", "$.name", "invalid value: expected a string (or null)")]
    [InlineData("""{ "names": "a" }""", "$.names", "invalid value: expected an array of strings")]
    [InlineData("""{ "weights": [] }""", "$.weights", "invalid value: expected an object")]
    [InlineData("""{ "children": [ 3 ] }""", "$.children[0]", "invalid value: expected an object")]
    [InlineData("""{ "children": [ { "colour": 1 } ] }""", "$.children[0].colour", "unknown field 'colour'")]
    [InlineData("""{ "nmae": 1 }""", "$.nmae", "unknown field 'nmae'")]
    public void Each_error_gets_the_one_wording_and_a_path_naming_the_value(string json, string path, string message)
    {
        Assert.Equal(new JsonProblem(path, message), Explain(json));
    }

    [Fact]
    public void Malformed_json_names_the_line_and_position()
    {
        var problem = Explain("{\n  \"count\": 1,\n  \"name\": }");
        Assert.StartsWith("invalid JSON (line 3, position 11): ", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$", "")]
    [InlineData("$.cities[0].maxSize", "cities[0].maxSize")]
    [InlineData("$[0]", "[0]")]
    public void The_split_format_writes_the_path_without_its_root(string path, string expected) => Assert.Equal(expected, JsonErrors.WithoutRoot(path));

    [Fact]
    public void Both_planners_explain_the_same_mistake_in_the_same_words()
    {
        var split = Assert.Single(SplitJson.ReadInstance("""{ "participants": [], "cities": [ { "id": "c", "maxSize": "ten" } ] }""").Errors);
        var (_, schedule) = ScheduleJson.ReadInstance("""{ "timeZone": "UTC", "day": { "maxMeetings": "ten" } }""");
        Assert.Equal("invalid value: expected an integer", split.Message);
        Assert.Equal("cities[0].maxSize", split.Path);
        Assert.Equal("invalid value: expected an integer", Assert.Single(schedule).Message);
        Assert.Equal("$.day.maxMeetings", schedule[0].Path);

        var splitUnknown = Assert.Single(SplitJson.ReadInstance("""{ "participants": [], "cities": [], "colour": 1 }""").Errors);
        var (_, scheduleUnknown) = ScheduleJson.ReadInstance("""{ "colour": 1 }""");
        Assert.Equal(splitUnknown.Message, Assert.Single(scheduleUnknown).Message);
        Assert.Equal("unknown field 'colour'", splitUnknown.Message);
        Assert.Equal(("colour", "$.colour"), (splitUnknown.Path, scheduleUnknown[0].Path));
    }
}
