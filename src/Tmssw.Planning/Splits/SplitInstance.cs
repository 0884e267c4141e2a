namespace Tmssw.Planning.Splits;

/// <summary>One visiting official to place in a city group (see docs/formats/split-instance.md).</summary>
/// <param name="Id">Unique participant id.</param>
/// <param name="Country">Country code; the same-country penalty counts by it.</param>
/// <param name="Region">Region name; <see cref="SplitRules.MaxPerRegion"/> counts by it (null: not counted).</param>
/// <param name="Gender">Any label (e.g. "F", "M"); the isolated-gender penalty counts by it (null: not counted).</param>
/// <param name="Sector">Informational only; not scored.</param>
/// <param name="Themes">Themes of interest, matched against the cities' theme strengths.</param>
/// <param name="Interpretation">Language (BCP 47) the participant needs interpretation into, or null.</param>
public sealed record Participant(
    string Id,
    string Country,
    string? Region = null,
    string? Gender = null,
    string? Sector = null,
    IReadOnlyList<string>? Themes = null,
    string? Interpretation = null)
{
    /// <summary>Themes of interest (never null).</summary>
    public IReadOnlyList<string> Themes { get; init; } = Themes ?? [];
}

/// <summary>A host city and its group: size range, theme strengths and interpretation capacity.</summary>
/// <param name="Id">Unique city id.</param>
/// <param name="Name">Display name used in explanations (defaults to the id).</param>
/// <param name="MinSize">Smallest allowed group (0 lets the city go unused).</param>
/// <param name="MaxSize">Largest allowed group.</param>
/// <param name="Themes">Theme strengths, e.g. { "border-security": 3 }.</param>
/// <param name="Interpreters">How many distinct interpretation languages the group can have.</param>
/// <param name="InterpreterLanguages">Where given, the only languages that can be interpreted here.</param>
public sealed record City(
    string Id,
    string? Name,
    int MinSize,
    int MaxSize,
    IReadOnlyDictionary<string, int>? Themes = null,
    int Interpreters = 0,
    IReadOnlyList<string>? InterpreterLanguages = null)
{
    /// <summary>Display name (the id when none was given).</summary>
    public string Name { get; init; } = string.IsNullOrEmpty(Name) ? Id : Name;

    /// <summary>Theme strengths (never null).</summary>
    public IReadOnlyDictionary<string, int> Themes { get; init; } = Themes ?? new Dictionary<string, int>();
}

/// <summary>Two participant ids (an <c>apart</c> or <c>together</c> pair).</summary>
public sealed record ParticipantPair(string First, string Second);

/// <summary>Hard rules beyond group sizes. Defaults are the format's defaults.</summary>
public sealed record SplitRules(
    int MaxPerCountry = 1,
    int? MaxPerRegion = null,
    IReadOnlyDictionary<string, string>? Locked = null,
    IReadOnlyList<ParticipantPair>? Apart = null,
    IReadOnlyList<ParticipantPair>? Together = null)
{
    /// <summary>The format's defaults: maxPerCountry 1, no region limit, no locks or pairs.</summary>
    public static SplitRules Default { get; } = new();

    /// <summary>Participant id to city id (never null).</summary>
    public IReadOnlyDictionary<string, string> Locked { get; init; } = Locked ?? new Dictionary<string, string>();

    /// <summary>Pairs that must be in different cities (never null).</summary>
    public IReadOnlyList<ParticipantPair> Apart { get; init; } = Apart ?? [];

    /// <summary>Pairs that must be in the same city (never null).</summary>
    public IReadOnlyList<ParticipantPair> Together { get; init; } = Together ?? [];
}

/// <summary>Score weights (all &gt;= 0). Defaults are the format's defaults.</summary>
public sealed record SplitWeights(int Theme = 10, int SameCountry = 100, int IsolatedGender = 30, int Change = 50)
{
    /// <summary>theme 10, sameCountry 100, isolatedGender 30, change 50.</summary>
    public static SplitWeights Default { get; } = new();
}

/// <summary>A split-planning instance: the input document of docs/formats/split-instance.md.</summary>
/// <param name="Participants">The cohort.</param>
/// <param name="Cities">The host cities.</param>
/// <param name="Rules">Hard rules (null: defaults).</param>
/// <param name="Weights">Score weights (null: defaults).</param>
/// <param name="Previous">A previous plan, participant id to city id (null: none). Ids of participants no longer
/// in the cohort are ignored; a city no longer offered counts as a change wherever the participant goes.</param>
public sealed record SplitInstance(
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<City> Cities,
    SplitRules? Rules = null,
    SplitWeights? Weights = null,
    IReadOnlyDictionary<string, string>? Previous = null)
{
    /// <summary>Hard rules (never null).</summary>
    public SplitRules Rules { get; init; } = Rules ?? SplitRules.Default;

    /// <summary>Score weights (never null).</summary>
    public SplitWeights Weights { get; init; } = Weights ?? SplitWeights.Default;

    /// <summary>Previous plan (never null; empty when none).</summary>
    public IReadOnlyDictionary<string, string> Previous { get; init; } = Previous ?? new Dictionary<string, string>();

    /// <summary>Checks the instance against the format's rules (ids, sizes, references, weights).
    /// Returns the problems found, each with the JSON path it concerns; empty when the instance is valid.</summary>
    public IReadOnlyList<SplitError> Validate() => Internal.Validation.Check(this);
}

/// <summary>A problem in an input document: the JSON path (e.g. <c>cities[2].maxSize</c>) and what is wrong.</summary>
public sealed record SplitError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}
