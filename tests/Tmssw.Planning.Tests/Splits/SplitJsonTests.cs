using Tmssw.Planning.Splits;

namespace Tmssw.Planning.Tests.Splits;

public class SplitJsonTests
{
    private const string Example = """
    {
      "participants": [
        { "id": "p01", "country": "EC", "region": "Latin America and the Caribbean",
          "gender": "F", "sector": "law-enforcement",
          "themes": ["narcotics", "border-security"], "interpretation": "es" },
        { "id": "p02", "country": "KE", "gender": "M", "themes": ["cybercrime"], "interpretation": null }
      ],
      "cities": [
        { "id": "phoenix", "name": "Phoenix, AZ", "minSize": 0, "maxSize": 10,
          "themes": { "border-security": 3, "narcotics": 2 },
          "interpreters": 1, "interpreterLanguages": ["es", "fr"] },
        { "id": "reno", "name": "Reno, NV", "minSize": 0, "maxSize": 10, "themes": { "cybercrime": 1 } }
      ],
      "rules": {
        "maxPerCountry": 1, "maxPerRegion": null,
        "locked": { "p01": "phoenix" },
        "apart": [["p01", "p02"]], "together": []
      },
      "weights": { "theme": 10, "sameCountry": 100, "isolatedGender": 30, "change": 50 },
      "previous": { "p01": "phoenix" }
    }
    """;

    private static IReadOnlyList<SplitError> Errors(string json)
    {
        var r = SplitJson.ReadInstance(json);
        Assert.False(r.Ok);
        Assert.NotEmpty(r.Errors);
        return r.Errors;
    }

    [Fact]
    public void Reads_the_formats_example()
    {
        var r = SplitJson.ReadInstance(Example);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var inst = r.Instance!;
        Assert.Equal(2, inst.Participants.Count);
        Assert.Equal("es", inst.Participants[0].Interpretation);
        Assert.Equal(["narcotics", "border-security"], inst.Participants[0].Themes);
        Assert.Equal("Phoenix, AZ", inst.Cities[0].Name);
        Assert.Equal(3, inst.Cities[0].Themes["border-security"]);
        Assert.Equal(0, inst.Cities[1].Interpreters);
        Assert.Null(inst.Cities[1].InterpreterLanguages);
        Assert.Equal("phoenix", inst.Rules.Locked["p01"]);
        Assert.Equal(new ParticipantPair("p01", "p02"), inst.Rules.Apart[0]);
        Assert.Equal("phoenix", inst.Previous["p01"]);
    }

    [Fact]
    public void Defaults_apply_when_rules_weights_and_previous_are_left_out()
    {
        var r = SplitJson.ReadInstance("""
            { "participants": [ { "id": "a", "country": "X" } ], "cities": [ { "id": "c", "maxSize": 3 } ] }
            """);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        var i = r.Instance!;
        Assert.Equal(1, i.Rules.MaxPerCountry);
        Assert.Null(i.Rules.MaxPerRegion);
        Assert.Empty(i.Rules.Locked);
        Assert.Empty(i.Rules.Apart);
        Assert.Empty(i.Rules.Together);
        Assert.Equal(new SplitWeights(10, 100, 30, 50), i.Weights);
        Assert.Empty(i.Previous);
        Assert.Equal(0, i.Cities[0].MinSize);
        Assert.Equal("c", i.Cities[0].Name);
    }

    [Fact]
    public void Partial_weights_keep_the_other_defaults()
    {
        var r = SplitJson.ReadInstance("""
            { "participants": [], "cities": [ { "id": "c", "maxSize": 3 } ], "weights": { "theme": 7 }, "rules": { "maxPerRegion": 2 } }
            """);
        Assert.True(r.Ok, string.Join("; ", r.Errors));
        Assert.Equal(new SplitWeights(7, 100, 30, 50), r.Instance!.Weights);
        Assert.Equal(2, r.Instance.Rules.MaxPerRegion);
        Assert.Equal(1, r.Instance.Rules.MaxPerCountry);
    }

    [Fact]
    public void Instance_round_trips()
    {
        var first = SplitJson.ReadInstance(Example).Instance!;
        var again = SplitJson.ReadInstance(SplitJson.WriteInstance(first));
        Assert.True(again.Ok, string.Join("; ", again.Errors));
        Assert.Equal(SplitJson.WriteInstance(first), SplitJson.WriteInstance(again.Instance!));
        Assert.Equal(first.Participants[0], again.Instance!.Participants[0] with { Themes = first.Participants[0].Themes });
    }

    [Theory]
    [InlineData("""{ "participants": [ { "id": "a", "country": "X", "nmae": 1 } ], "cities": [ { "id": "c", "maxSize": 3 } ] }""", "participants[0].nmae")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c", "maxSize": 3, "size": 2 } ] }""", "cities[0].size")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c", "maxSize": 3 } ], "extra": true }""", "extra")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c", "maxSize": 3 } ], "rules": { "maxPerCity": 1 } }""", "rules.maxPerCity")]
    public void Unknown_fields_are_rejected_with_their_path(string json, string path)
    {
        var e = Assert.Single(Errors(json));
        Assert.Equal(path, e.Path);
        Assert.Contains("unknown field", e.Message);
    }

    [Theory]
    [InlineData("""{ "participants": [], "cities": [ { "id": "a", "maxSize": 3 }, { "id": "b", "maxSize": 3 }, { "id": "c", "minSize": 5, "maxSize": 3 } ] }""", "cities[2].maxSize: must be >= minSize")]
    [InlineData("""{ "participants": [ { "id": "a", "country": "X" }, { "id": "a", "country": "Y" } ], "cities": [ { "id": "c", "maxSize": 3 } ] }""", "participants[1].id: duplicate participant id 'a'")]
    [InlineData("""{ "participants": [ { "id": "a", "country": "X" } ], "cities": [ { "id": "c", "maxSize": 3 } ], "rules": { "locked": { "a": "reno" } } }""", "rules.locked.a: unknown city id 'reno'")]
    [InlineData("""{ "participants": [ { "id": "a", "country": "X" } ], "cities": [ { "id": "c", "maxSize": 3 } ], "rules": { "apart": [["a", "zz"]] } }""", "rules.apart[0][1]: unknown participant id 'zz'")]
    [InlineData("""{ "participants": [ { "id": "a", "country": "X" } ], "cities": [ { "id": "c", "maxSize": 3 } ], "rules": { "together": [["a"]] } }""", "rules.together[0]: must be an array of exactly two participant ids")]
    [InlineData("""{ "participants": [ { "id": "a" } ], "cities": [ { "id": "c", "maxSize": 3 } ] }""", "participants[0].country: required")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c" } ] }""", "cities[0].maxSize: required")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c", "maxSize": "ten" } ] }""", "cities[0].maxSize: invalid value: expected an integer")]
    [InlineData("""{ "participants": [], "cities": [ { "id": "c", "maxSize": 3 } ], "weights": { "change": -1 } }""", "weights.change: must be >= 0")]
    [InlineData("""{ "cities": [ { "id": "c", "maxSize": 3 } ] }""", "participants: required")]
    [InlineData("""{ "participants": [], "cities": [] }""", "cities: at least one city is required")]
    public void Bad_values_name_the_path_and_the_problem(string json, string expected)
    {
        Assert.Contains(expected, Errors(json).Select(e => e.ToString()));
    }

    [Fact]
    public void Malformed_json_is_an_error_not_an_exception()
    {
        var e = Assert.Single(Errors("""{ "participants": [ """));
        Assert.Contains("invalid JSON", e.Message);
        Assert.Single(Errors("[]"));
        Assert.Single(Errors("null"));
    }

    [Fact]
    public void Result_is_written_in_the_output_format()
    {
        var result = new SplitResult(PlanningStatus.Optimal, 1234, 1234,
            new Dictionary<string, string> { ["p01"] = "phoenix" },
            new ScoreBreakdown(1500, -200, -66, 0),
            new Dictionary<string, string> { ["p01"] = "locked to Phoenix, AZ" }, [], 0.4149);
        using var doc = System.Text.Json.JsonDocument.Parse(SplitJson.WriteResult(result));
        var root = doc.RootElement;
        Assert.Equal(["status", "score", "bound", "assignment", "breakdown", "explanations", "conflicts", "seconds"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Optimal", root.GetProperty("status").GetString());
        Assert.Equal(1234, root.GetProperty("score").GetInt64());
        Assert.Equal("phoenix", root.GetProperty("assignment").GetProperty("p01").GetString());
        Assert.Equal(["theme", "sameCountry", "isolatedGender", "change"],
            root.GetProperty("breakdown").EnumerateObject().Select(p => p.Name));
        Assert.Equal(-66, root.GetProperty("breakdown").GetProperty("isolatedGender").GetInt64());
        Assert.Equal(0.41, root.GetProperty("seconds").GetDouble());
        Assert.Equal(0, root.GetProperty("conflicts").GetArrayLength());
    }

    [Fact]
    public void Infeasible_result_has_null_score_and_conflicts()
    {
        var result = new SplitResult(PlanningStatus.Infeasible, null, null, new Dictionary<string, string>(), null,
            new Dictionary<string, string>(), ["56 participants but the cities hold at most 50 (sum of maxSize)"], 0.01);
        using var doc = System.Text.Json.JsonDocument.Parse(SplitJson.WriteResult(result));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, doc.RootElement.GetProperty("score").ValueKind);
        Assert.Equal("Infeasible", doc.RootElement.GetProperty("status").GetString());
        Assert.Single(doc.RootElement.GetProperty("conflicts").EnumerateArray());
    }
}
