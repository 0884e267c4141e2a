using Tmssw.Planning.Splits;
using static Tmssw.Planning.Tests.Splits.SplitTestKit;

namespace Tmssw.Planning.Tests.Splits;

public class SplitReplanTests
{
    private static SplitInstance Cohort(int seed)
    {
        var rng = new Random(seed);
        string[] themes = ["a", "b", "c", "d", "e"];
        var ps = Enumerable.Range(0, 16).Select(i => P($"p{i:00}", $"K{rng.Next(8)}", rng.NextDouble() < 0.3 ? "F" : "M",
            themes.Where(_ => rng.NextDouble() < 0.35).ToArray())).ToList();
        var cs = Enumerable.Range(0, 4).Select(c => C($"c{c}", 3, 5,
            themes.Where(_ => rng.NextDouble() < 0.5).ToDictionary(t => t, _ => rng.Next(1, 4)))).ToList();
        // change 51: no tie between k moves and theme gains (multiples of 10) for k < 10.
        return new SplitInstance(ps, cs, Weights: new SplitWeights(10, 100, 30, 51));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Replanning_after_a_withdrawal_moves_people_only_when_it_pays(int seed)
    {
        var inst = Cohort(seed);
        var first = SplitPlanner.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Optimal, first.Status);

        // The participant in the fullest city withdraws; the previous plan still names them (ignored).
        var gone = first.Assignment.GroupBy(kv => kv.Value).OrderByDescending(g => g.Count()).First().First().Key;
        var second = inst with
        {
            Participants = inst.Participants.Where(p => p.Id != gone).ToList(),
            Previous = first.Assignment,
        };
        var r = SplitPlanner.Solve(second, Fast);
        Assert.Equal(PlanningStatus.Optimal, r.Status);
        var moved = r.Assignment.Where(kv => first.Assignment[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();
        Assert.Equal(-51L * moved.Count, r.Breakdown!.Change);

        var stay = first.Assignment.Where(kv => kv.Key != gone).ToDictionary(kv => kv.Key, kv => kv.Value);
        var stayEval = SplitScorer.Evaluate(second, stay);
        if (stayEval.IsFeasible)
        {
            Assert.True(r.Score >= stayEval.Score);
            if (moved.Count > 0)
            {
                Assert.True(r.Score > stayEval.Score, "moves must strictly pay for themselves");
            }
            else
            {
                Assert.Equal(stayEval.Score, r.Score);
            }
        }
        Assert.InRange(moved.Count, 0, 4);
        // Undoing any single move does not help.
        foreach (var p in moved)
        {
            var undo = r.Assignment.ToDictionary(kv => kv.Key, kv => kv.Value);
            undo[p] = first.Assignment[p];
            var ev = SplitScorer.Evaluate(second, undo);
            Assert.True(!ev.IsFeasible || ev.Score <= r.Score);
            Assert.StartsWith($"moved from ", r.Explanations[p]);
        }
        foreach (var p in r.Assignment.Keys.Except(moved))
        {
            Assert.StartsWith("kept from the previous plan", r.Explanations[p]);
        }
    }

    [Fact]
    public void Previous_plan_keeps_people_where_moving_pays_less_than_the_change_weight()
    {
        // a would score 20 more in x, but was in y and the change weight is 50.
        var inst = new SplitInstance([P("a", "A", themes: ["t"]), P("b", "B")],
            [C("x", 0, 2, new() { ["t"] = 2 }), C("y", 0, 2)],
            Previous: new Dictionary<string, string> { ["a"] = "y", ["b"] = "y" });
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal("y", r.Assignment["a"]);
        Assert.Equal(0, r.Breakdown!.Change);
        // With a stronger match (60 > 50) moving pays.
        var stronger = inst with { Cities = [C("x", 0, 2, new() { ["t"] = 6 }), C("y", 0, 2)] };
        var r2 = SplitPlanner.Solve(stronger, Fast);
        Assert.Equal("x", r2.Assignment["a"]);
        Assert.Equal(-50, r2.Breakdown!.Change);
        Assert.StartsWith("moved from Y", r2.Explanations["a"]);
    }

    [Fact]
    public void Previous_city_no_longer_offered_counts_as_a_change()
    {
        var inst = new SplitInstance([P("a", "A")], [C("x", 0, 2)],
            Previous: new Dictionary<string, string> { ["a"] = "closed" });
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal(-50, r.Breakdown!.Change);
        Assert.Equal(PlanningStatus.Optimal, r.Status);
    }

    [Fact]
    public void Moved_to_satisfy_an_interpretation_limit_is_explained()
    {
        // a (es) was in x; now x's single interpreter is taken by locked French speakers.
        var inst = new SplitInstance([P("a", "A", lang: "es"), P("b", "B", lang: "fr"), P("c", "C", lang: "fr")],
            [new City("x", "Reno, NV", 0, 3, null, 1, ["es", "fr"]), new City("y", "Phoenix, AZ", 0, 3, null, 1, ["es"])],
            new SplitRules(Locked: new Dictionary<string, string> { ["b"] = "x", ["c"] = "x" }),
            Previous: new Dictionary<string, string> { ["a"] = "x" });
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal("y", r.Assignment["a"]);
        Assert.StartsWith("moved from Reno, NV to satisfy the Spanish interpretation limit", r.Explanations["a"]);
    }
}
