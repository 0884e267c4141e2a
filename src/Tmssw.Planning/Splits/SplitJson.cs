using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tmssw.Planning.Splits;

/// <summary>Either the instance read, or the errors found (each with its JSON path). Exactly one is set.</summary>
public sealed record SplitJsonRead(SplitInstance? Instance, IReadOnlyList<SplitError> Errors)
{
    /// <summary>True when the document was read and is valid.</summary>
    public bool Ok => Instance is not null;
}

/// <summary>Reads and writes the split-instance JSON format (docs/formats/split-instance.md).</summary>
public static class SplitJson
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads an instance document. Never throws on bad input: returns the errors instead, each naming the
    /// JSON path and what is wrong (unknown field, wrong type, missing value, bad reference, duplicate id...).</summary>
    public static SplitJsonRead ReadInstance(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        InstanceDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<InstanceDto>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            return Fail(Describe(ex));
        }
        if (dto is null)
        {
            return Fail(new SplitError("", "the document must be a JSON object"));
        }

        var errors = new List<SplitError>();
        void Err(string path, string message) => errors.Add(new SplitError(path, message));
        if (dto.Participants is null)
        {
            Err("participants", "required");
        }

        if (dto.Cities is null)
        {
            Err("cities", "required");
        }

        var participants = new List<Participant>();
        for (int i = 0; i < (dto.Participants?.Count ?? 0); i++)
        {
            var p = dto.Participants![i];
            string at = $"participants[{i}]";
            if (p is null) { Err(at, "must be an object"); continue; }
            if (p.Id is null)
            {
                Err($"{at}.id", "required");
            }

            if (p.Country is null)
            {
                Err($"{at}.country", "required");
            }

            if (p.Themes is not null && p.Themes.Any(t => t is null))
            {
                Err($"{at}.themes", "must be an array of strings");
            }

            participants.Add(new Participant(p.Id ?? "", p.Country ?? "", p.Region, p.Gender, p.Sector,
                p.Themes?.Select(t => t ?? "").ToArray(), p.Interpretation));
        }
        var cities = new List<City>();
        for (int i = 0; i < (dto.Cities?.Count ?? 0); i++)
        {
            var c = dto.Cities![i];
            string at = $"cities[{i}]";
            if (c is null) { Err(at, "must be an object"); continue; }
            if (c.Id is null)
            {
                Err($"{at}.id", "required");
            }

            if (c.MaxSize is null)
            {
                Err($"{at}.maxSize", "required");
            }

            cities.Add(new City(c.Id ?? "", c.Name, c.MinSize ?? 0, c.MaxSize ?? 0, c.Themes, c.Interpreters ?? 0,
                c.InterpreterLanguages?.Select(l => l ?? "").ToArray()));
        }
        var rules = SplitRules.Default;
        if (dto.Rules is { } r)
        {
            if (r.Locked is not null)
            {
                foreach (var (pid, cid) in r.Locked)
                {
                    if (cid is null)
                    {
                        Err($"rules.locked.{pid}", "must be a city id");
                    }
                }
            }

            rules = new SplitRules(r.MaxPerCountry ?? 1, r.MaxPerRegion,
                r.Locked?.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal),
                Pairs("rules.apart", r.Apart), Pairs("rules.together", r.Together));
        }
        var weights = SplitWeights.Default;
        if (dto.Weights is { } w)
        {
            weights = new SplitWeights(w.Theme ?? 10, w.SameCountry ?? 100, w.IsolatedGender ?? 30, w.Change ?? 50);
        }

        Dictionary<string, string>? previous = null;
        if (dto.Previous is not null)
        {
            foreach (var (pid, cid) in dto.Previous)
            {
                if (cid is null)
                {
                    Err($"previous.{pid}", "must be a city id");
                }
            }

            previous = dto.Previous.Where(kv => kv.Value is not null)
                .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        }
        if (errors.Count > 0)
        {
            return new SplitJsonRead(null, errors);
        }

        var instance = new SplitInstance(participants, cities, rules, weights, previous);
        var invalid = instance.Validate();
        return invalid.Count > 0 ? new SplitJsonRead(null, invalid) : new SplitJsonRead(instance, []);

        List<ParticipantPair>? Pairs(string at, List<List<string?>?>? pairs)
        {
            if (pairs is null)
            {
                return null;
            }

            var list = new List<ParticipantPair>();
            for (int i = 0; i < pairs.Count; i++)
            {
                var pr = pairs[i];
                if (pr is null || pr.Count != 2 || pr[0] is null || pr[1] is null)
                {
                    Err($"{at}[{i}]", "must be an array of exactly two participant ids");
                    continue;
                }
                list.Add(new ParticipantPair(pr[0]!, pr[1]!));
            }
            return list;
        }
    }

    /// <summary>Writes an instance in the input format (what the benchmark generator and exports use).</summary>
    public static string WriteInstance(SplitInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var dto = new InstanceDto
        {
            Participants = instance.Participants.Select(p => (ParticipantDto?)new ParticipantDto
            {
                Id = p.Id, Country = p.Country, Region = p.Region, Gender = p.Gender, Sector = p.Sector,
                Themes = p.Themes.Select(t => (string?)t).ToList(), Interpretation = p.Interpretation,
            }).ToList(),
            Cities = instance.Cities.Select(c => (CityDto?)new CityDto
            {
                Id = c.Id, Name = c.Name, MinSize = c.MinSize, MaxSize = c.MaxSize,
                Themes = c.Themes.ToDictionary(kv => kv.Key, kv => kv.Value), Interpreters = c.Interpreters,
                InterpreterLanguages = c.InterpreterLanguages?.Select(l => (string?)l).ToList(),
            }).ToList(),
            Rules = new RulesDto
            {
                MaxPerCountry = instance.Rules.MaxPerCountry, MaxPerRegion = instance.Rules.MaxPerRegion,
                Locked = instance.Rules.Locked.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
                Apart = instance.Rules.Apart.Select(p => new List<string?> { p.First, p.Second }).ToList<List<string?>?>(),
                Together = instance.Rules.Together.Select(p => new List<string?> { p.First, p.Second }).ToList<List<string?>?>(),
            },
            Weights = new WeightsDto
            {
                Theme = instance.Weights.Theme, SameCountry = instance.Weights.SameCountry,
                IsolatedGender = instance.Weights.IsolatedGender, Change = instance.Weights.Change,
            },
            Previous = instance.Previous.Count == 0 ? null : instance.Previous.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
        };
        return JsonSerializer.Serialize(dto, WriteOptions);
    }

    /// <summary>Writes a result exactly in the output format: status, score, bound, assignment,
    /// breakdown {theme, sameCountry, isolatedGender, change}, explanations, conflicts, seconds.</summary>
    public static string WriteResult(SplitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dto = new ResultDto(
            result.Status.ToString(),
            result.Score,
            result.Bound,
            result.Assignment,
            result.Breakdown is { } b ? new BreakdownDto(b.Theme, b.SameCountry, b.IsolatedGender, b.Change) : null,
            result.Explanations,
            result.Conflicts,
            Math.Round(result.Seconds, 2));
        return JsonSerializer.Serialize(dto, WriteOptions);
    }

    private static SplitJsonRead Fail(SplitError e) => new(null, [e]);

    private static SplitError Describe(JsonException ex)
    {
        var problem = JsonErrors.Explain(ex);
        return new SplitError(JsonErrors.WithoutRoot(problem.Path), problem.Message);
    }

    private sealed class InstanceDto
    {
        public List<ParticipantDto?>? Participants { get; set; }
        public List<CityDto?>? Cities { get; set; }
        public RulesDto? Rules { get; set; }
        public WeightsDto? Weights { get; set; }
        public Dictionary<string, string?>? Previous { get; set; }
    }

    private sealed class ParticipantDto
    {
        public string? Id { get; set; }
        public string? Country { get; set; }
        public string? Region { get; set; }
        public string? Gender { get; set; }
        public string? Sector { get; set; }
        public List<string?>? Themes { get; set; }
        public string? Interpretation { get; set; }
    }

    private sealed class CityDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public int? MinSize { get; set; }
        public int? MaxSize { get; set; }
        public Dictionary<string, int>? Themes { get; set; }
        public int? Interpreters { get; set; }
        public List<string?>? InterpreterLanguages { get; set; }
    }

    private sealed class RulesDto
    {
        public int? MaxPerCountry { get; set; }
        public int? MaxPerRegion { get; set; }
        public Dictionary<string, string?>? Locked { get; set; }
        public List<List<string?>?>? Apart { get; set; }
        public List<List<string?>?>? Together { get; set; }
    }

    private sealed class WeightsDto
    {
        public int? Theme { get; set; }
        public int? SameCountry { get; set; }
        public int? IsolatedGender { get; set; }
        public int? Change { get; set; }
    }

    private sealed record BreakdownDto(long Theme, long SameCountry, long IsolatedGender, long Change);

    private sealed record ResultDto(
        string Status,
        long? Score,
        long? Bound,
        IReadOnlyDictionary<string, string> Assignment,
        BreakdownDto? Breakdown,
        IReadOnlyDictionary<string, string> Explanations,
        IReadOnlyList<string> Conflicts,
        double Seconds);
}
