namespace Tmssw.Planning.Splits;

/// <summary>The score split into its four terms, each signed as it enters the score
/// (theme &gt;= 0, the penalties &lt;= 0). <see cref="Total"/> is the score.</summary>
public sealed record ScoreBreakdown(long Theme, long SameCountry, long IsolatedGender, long Change)
{
    /// <summary>The score: the sum of the four terms.</summary>
    public long Total => Theme + SameCountry + IsolatedGender + Change;
}

/// <summary>What <see cref="SplitScorer.Evaluate"/> finds for an assignment.</summary>
/// <param name="Score">The score per the format's formula (over the assigned participants).</param>
/// <param name="Breakdown">The four terms of the score.</param>
/// <param name="Violations">Every broken hard rule, in words; empty when the plan meets them all.</param>
public sealed record SplitEvaluation(long Score, ScoreBreakdown Breakdown, IReadOnlyList<string> Violations)
{
    /// <summary>True when no hard rule is broken.</summary>
    public bool IsFeasible => Violations.Count == 0;
}

/// <summary>The planner's answer: the output document of docs/formats/split-instance.md.</summary>
/// <param name="Status">Optimal only when <paramref name="Score"/> equals the proven <paramref name="Bound"/>.</param>
/// <param name="Score">Score of the returned plan, recomputed with <see cref="SplitScorer"/>; null without a plan.</param>
/// <param name="Bound">Proven upper bound on the score of any plan; null when none was proven.</param>
/// <param name="Assignment">Participant id to city id (empty without a plan).</param>
/// <param name="Breakdown">Score terms of the plan; null without a plan.</param>
/// <param name="Explanations">Participant id to a sentence saying why that city.</param>
/// <param name="Conflicts">For an infeasible instance, which rules clash and by how much.</param>
/// <param name="Seconds">Wall-clock time spent.</param>
public sealed record SplitResult(
    PlanningStatus Status,
    long? Score,
    long? Bound,
    IReadOnlyDictionary<string, string> Assignment,
    ScoreBreakdown? Breakdown,
    IReadOnlyDictionary<string, string> Explanations,
    IReadOnlyList<string> Conflicts,
    double Seconds);

/// <summary>An improving plan found while solving.</summary>
/// <param name="Score">Score of the new best plan (meets every hard rule).</param>
/// <param name="Bound">Best proven upper bound so far, if any.</param>
/// <param name="Elapsed">Time since <see cref="SplitPlanner.Solve"/> started.</param>
/// <param name="Source">Which phase found it: "greedy", "local search", "flow", "cp-sat" or "lns".</param>
public sealed record SplitProgress(long Score, long? Bound, TimeSpan Elapsed, string Source);

/// <summary>How long and how wide <see cref="SplitPlanner.Solve"/> may search.</summary>
public sealed record SplitOptions
{
    /// <summary>Wall-clock limit; the best plan found by then is returned. Default 10 s.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Solver threads. Default: the machine's core count.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives each improving plan (strictly increasing scores). Called from solver threads.</summary>
    public IProgress<SplitProgress>? Progress { get; init; }

    /// <summary>Stops the search early; the best plan so far is returned.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Random seed for the heuristics (runs with the same seed and one worker repeat).</summary>
    public int Seed { get; init; } = 1;
}
