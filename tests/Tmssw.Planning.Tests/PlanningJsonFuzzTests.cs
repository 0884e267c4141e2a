using System.Globalization;
using System.Text;
using Tmssw.Planning.Scheduling;
using Tmssw.Planning.Splits;
using Xunit.Abstractions;

namespace Tmssw.Planning.Tests;

/// <summary>
/// Thousands of random and mutated instance documents through both planners' JSON readers: each
/// ends in a value (an instance or a list of errors with paths), never an exception. The seed is
/// printed; set TMSSW_FUZZ_SEED to replay it.
/// </summary>
public sealed class PlanningJsonFuzzTests(ITestOutputHelper output)
{
    private const string SplitExample = """
    {
      "participants": [
        { "id": "p01", "country": "EC", "region": "Latin America and the Caribbean", "gender": "F", "sector": "law-enforcement",
          "themes": ["narcotics", "border-security"], "interpretation": "es" },
        { "id": "p02", "country": "KE", "gender": "M", "themes": ["cybercrime"], "interpretation": null }
      ],
      "cities": [
        { "id": "phoenix", "name": "Phoenix, AZ", "minSize": 0, "maxSize": 10, "themes": { "border-security": 3, "narcotics": 2 },
          "interpreters": 1, "interpreterLanguages": ["es", "fr"] },
        { "id": "reno", "name": "Reno, NV", "minSize": 0, "maxSize": 10, "themes": { "cybercrime": 1 } }
      ],
      "rules": { "maxPerCountry": 1, "maxPerRegion": null, "locked": { "p01": "phoenix" }, "apart": [["p01", "p02"]], "together": [] },
      "weights": { "theme": 10, "sameCountry": 100, "isolatedGender": 30, "change": 50 },
      "previous": { "p01": "phoenix" }
    }
    """;

    private const string ScheduleExample = """
    {
      "timeZone": "America/Phoenix",
      "days": ["2024-05-06", "2024-05-07", "2024-05-08"],
      "day": { "start": "09:00", "end": "17:30", "lunch": ["12:00", "13:00"], "maxMeetings": 4 },
      "venues": [ { "id": "v1", "name": "Phoenix Police HQ", "lat": 33.4484, "lon": -112.0740 },
                  { "id": "v2", "name": "City Hall", "lat": 33.4489, "lon": -112.0773 } ],
      "travel": { "minutesPerKm": 2, "minimumMinutes": 15, "overrides": [["v1", "v2", 40]] },
      "groups": [ { "id": "g1", "busy": [["2024-05-06T09:00", "2024-05-06T10:30"]] } ],
      "offers": [
        { "id": "m1", "host": "phx-pd", "group": "g1", "venue": "v1", "minutes": 90, "value": 5, "required": false,
          "windows": [["2024-05-06T09:00", "2024-05-07T12:00"]] }
      ]
    }
    """;

    private static readonly string[] Tokens =
    [
        "null", "true", "false", "0", "-1", "1e309", "99999999999999999999", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":1}",
        "\"2024-13-45\"", "\"25:99\"", "\"../../etc\"", "\"\\u0000\"", "\"Not/AZone\"", "\"\\ud800\"", "1.5", "NaN", ",", ":", "]", "}", "\"",
    ];

    [Fact]
    public void Random_and_mutated_instances_end_in_an_instance_or_errors()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TMSSW_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"fuzz seed {seed} (replay with TMSSW_FUZZ_SEED={seed})");
        var random = new Random(seed);
        int splitOk = 0, splitErrors = 0, scheduleOk = 0, scheduleErrors = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var split = i % 2 == 0;
            var json = (i / 2 % 5) switch
            {
                0 => RandomText(random),
                _ => Mutate(random, split ? SplitExample : ScheduleExample),
            };
            try
            {
                if (split)
                {
                    var read = SplitJson.ReadInstance(json);
                    Assert.True(read.Ok ^ (read.Errors.Count > 0), $"seed {seed}, case {i}: exactly one of an instance or errors");
                    Assert.All(read.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
                    _ = read.Ok ? splitOk++ : splitErrors++;
                }
                else
                {
                    var (instance, errors) = ScheduleJson.ReadInstance(json);
                    Assert.True(instance is null ^ errors.Count == 0, $"seed {seed}, case {i}: exactly one of an instance or errors");
                    Assert.All(errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
                    _ = instance is not null ? scheduleOk++ : scheduleErrors++;
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}, case {i} ({(split ? "split" : "schedule")}): {e}\n{json}");
            }
        }

        output.WriteLine($"split: {splitOk} read, {splitErrors} refused; schedule: {scheduleOk} read, {scheduleErrors} refused");
        Assert.True(splitErrors > 0 && scheduleErrors > 0);
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 200);
        while (text.Length < length)
        {
            text.Append(random.Next(3) == 0 ? (char)random.Next(32, 127) : Tokens[random.Next(Tokens.Length)]);
        }

        if (random.Next(20) == 0)
        {
            // Nesting far deeper than the serializer allows.
            text.Insert(0, new string('[', 5_000));
        }

        return text.ToString();
    }

    private static string Mutate(Random random, string json)
    {
        var text = new StringBuilder(json);
        var steps = random.Next(1, 5);
        for (var s = 0; s < steps && text.Length > 0; s++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text.Length = at;
                    break;
                case 1:
                    text[at] = (char)random.Next(32, 127);
                    break;
                case 2:
                    text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                    break;
                case 3:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    // Replace a value after a colon by another token: wrong types, huge numbers, bad dates.
                    var colon = text.ToString().IndexOf(':', at);
                    if (colon > 0)
                    {
                        var end = colon + 1;
                        while (end < text.Length && text[end] is not (',' or '}' or '\n'))
                        {
                            end++;
                        }

                        text.Remove(colon + 1, end - colon - 1).Insert(colon + 1, " " + Tokens[random.Next(Tokens.Length)]);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
