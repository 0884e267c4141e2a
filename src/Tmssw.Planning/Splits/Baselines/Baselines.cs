using System.Diagnostics;
using Tmssw.Planning.Splits.Internal;

namespace Tmssw.Planning.Splits.Baselines;

/// <summary>Greedy group formation, as tools like gruepr and CATME do: participants hardest-first (locked, fewest
/// possible cities, together-groups, strongest preference), each to the city with the best marginal score among
/// those that keep the hard rules where it can. Fast, no guarantee.</summary>
public static class Greedy
{
    /// <summary>A plan for every participant (participant id to city id). It may break hard rules when greedy
    /// cannot meet them; check with <see cref="SplitScorer.Evaluate"/>.</summary>
    public static IReadOnlyDictionary<string, string> Assign(SplitInstance instance, int seed = 1)
    {
        var ix = new Indexed(instance);
        return ix.ToDictionary(Heuristics.Greedy(ix, seed).A);
    }
}

/// <summary>Local search: moves (a participant, or a together-group, to another city) and swaps of two
/// participants, taken while they improve the plan (fewer broken rules first, then a higher score).</summary>
public static class LocalSearch
{
    /// <summary>Improves <paramref name="start"/> until no move or swap improves it or <paramref name="budget"/> runs out.</summary>
    public static IReadOnlyDictionary<string, string> Improve(SplitInstance instance,
        IReadOnlyDictionary<string, string> start, TimeSpan budget, int seed = 1, CancellationToken cancellationToken = default)
    {
        var ix = new Indexed(instance);
        var state = new PlanState(ix, ix.ToArray(start));
        var clock = Stopwatch.StartNew();
        Heuristics.Improve(ix, state, clock, budget, seed, cancellationToken);
        return ix.ToDictionary(state.A);
    }

    /// <summary>Greedy, then local search within <paramref name="budget"/>.</summary>
    public static IReadOnlyDictionary<string, string> GreedyThenImprove(SplitInstance instance, TimeSpan budget,
        int seed = 1, CancellationToken cancellationToken = default)
    {
        var ix = new Indexed(instance);
        var clock = Stopwatch.StartNew();
        var state = Heuristics.Greedy(ix, seed);
        Heuristics.Improve(ix, state, clock, budget, seed, cancellationToken);
        return ix.ToDictionary(state.A);
    }
}
