using Tmssw.Planning.Splits;
using static Tmssw.Planning.Tests.Splits.SplitTestKit;

namespace Tmssw.Planning.Tests.Splits;

public class SplitPlannerTests
{
    [Theory]
    [InlineData(1, 7, 2)]
    [InlineData(2, 7, 3)]
    [InlineData(3, 6, 3)]
    [InlineData(4, 8, 2)]
    [InlineData(5, 7, 3)]
    [InlineData(6, 6, 3)]
    [InlineData(7, 8, 2)]
    [InlineData(8, 7, 3)]
    [InlineData(9, 6, 2)]
    [InlineData(10, 7, 3)]
    public void Matches_the_brute_force_optimum(int seed, int n, int m)
    {
        var inst = SplitTestKit.Random(seed, n, m);
        long? optimum = BruteForce(inst, out _);
        var r = SplitPlanner.Solve(inst, Fast);
        if (optimum is null)
        {
            Assert.Equal(PlanningStatus.Infeasible, r.Status);
            Assert.NotEmpty(r.Conflicts);
            return;
        }
        Assert.Equal(PlanningStatus.Optimal, r.Status);
        Assert.Equal(optimum, r.Score);
        Assert.Equal(r.Score, r.Bound);
        var ev = SplitScorer.Evaluate(inst, r.Assignment);
        Assert.True(ev.IsFeasible, string.Join("; ", ev.Violations));
        Assert.Equal(ev.Score, r.Score);
        Assert.Equal(ev.Breakdown, r.Breakdown);
        Assert.Equal(inst.Participants.Count, r.Explanations.Count);
    }

    [Fact]
    public void Found_some_feasible_and_some_infeasible_random_instances()
    {
        // Guards the brute-force test above against testing only one kind.
        int feasible = Enumerable.Range(1, 10).Count(s => BruteForce(SplitTestKit.Random(s, 6, 3), out _) is not null);
        Assert.InRange(feasible, 1, 10);
    }

    [Fact]
    public void Status_is_optimal_only_when_score_equals_bound()
    {
        foreach (int seed in new[] { 11, 12, 13 })
        {
            var r = SplitPlanner.Solve(SplitTestKit.Random(seed, 8, 3), Fast);
            if (r.Status == PlanningStatus.Optimal)
            {
                Assert.Equal(r.Score, r.Bound);
            }

            if (r.Status == PlanningStatus.Feasible)
            {
                Assert.True(r.Bound > r.Score);
            }
        }
    }

    [Fact]
    public void Progress_receives_strictly_improving_solutions_ending_at_the_result()
    {
        var inst = SplitTestKit.Random(21, 8, 3);
        var seen = new List<SplitProgress>();
        var progress = new Collect(seen);
        var r = SplitPlanner.Solve(inst, Fast with { Progress = progress });
        Assert.NotEmpty(seen);
        for (int i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Score > seen[i - 1].Score);
        }

        Assert.Equal(r.Score, seen[^1].Score);
        Assert.All(seen, p => Assert.True(p.Bound is null || p.Bound >= r.Score));
    }

    private sealed class Collect(List<SplitProgress> into) : IProgress<SplitProgress>
    {
        public void Report(SplitProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }

    [Fact]
    public void Cancellation_returns_a_result()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = SplitPlanner.Solve(SplitTestKit.Random(31, 8, 3), Fast with { CancellationToken = cts.Token });
        Assert.Contains(r.Status, new[] { PlanningStatus.Optimal, PlanningStatus.Feasible, PlanningStatus.Unknown, PlanningStatus.Infeasible });
    }

    [Fact]
    public void Invalid_instance_is_an_argument_error()
    {
        var inst = new SplitInstance([P("a", "X"), P("a", "Y")], [C("c", 0, 3)]);
        var ex = Assert.Throws<ArgumentException>(() => SplitPlanner.Solve(inst, Fast));
        Assert.Contains("duplicate participant id", ex.Message);
    }

    [Fact]
    public void Theme_matches_decide_the_city_and_are_explained()
    {
        var inst = new SplitInstance(
            [P("a", "X", themes: ["narcotics", "border-security"]), P("b", "Y", themes: ["cybercrime"])],
            [new City("phoenix", "Phoenix, AZ", 0, 2, new Dictionary<string, int> { ["border-security"] = 3, ["narcotics"] = 2 }),
             new City("reno", "Reno, NV", 0, 2, new Dictionary<string, int> { ["cybercrime"] = 1 })]);
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal("phoenix", r.Assignment["a"]);
        Assert.Equal("reno", r.Assignment["b"]);
        Assert.Equal(60, r.Score);
        Assert.Contains("narcotics (2) and border-security (3) match", r.Explanations["a"]);
    }

    [Fact]
    public void Same_country_penalty_spreads_compatriots()
    {
        var inst = new SplitInstance([P("a", "EC"), P("b", "EC"), P("c", "KE"), P("d", "KE")],
            [C("x", 2, 2), C("y", 2, 2)]);
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.NotEqual(r.Assignment["a"], r.Assignment["b"]);
        Assert.Equal(0, r.Breakdown!.SameCountry);
    }

    [Fact]
    public void Isolated_gender_is_avoided_when_possible()
    {
        var inst = new SplitInstance([P("a", "A", "F"), P("b", "B", "F"), P("c", "C"), P("d", "D")],
            [C("x", 2, 2), C("y", 2, 2)]);
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal(0, r.Breakdown!.IsolatedGender);
        Assert.Equal(r.Assignment["a"], r.Assignment["b"]);
    }
}
