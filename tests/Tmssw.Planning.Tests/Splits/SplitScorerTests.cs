using Tmssw.Planning.Splits;
using static Tmssw.Planning.Tests.Splits.SplitTestKit;

namespace Tmssw.Planning.Tests.Splits;

public class SplitScorerTests
{
    [Fact]
    public void Breakdown_follows_the_formula()
    {
        var inst = new SplitInstance(
            [P("p1", "K1", "F", ["a"]), P("p2", "K1", "M", ["a", "b"]), P("p3", "K2", "M"), P("p4", "K3", "F", ["b"])],
            [C("x", 0, 4, new() { ["a"] = 2 }), C("y", 0, 4, new() { ["b"] = 1 })],
            Previous: new Dictionary<string, string> { ["p3"] = "y", ["p4"] = "y", ["gone"] = "x" });
        var plan = new Dictionary<string, string> { ["p1"] = "x", ["p2"] = "x", ["p3"] = "x", ["p4"] = "y" };
        var ev = SplitScorer.Evaluate(inst, plan);
        Assert.Empty(ev.Violations);
        // theme 10*(2+2) + 10*1; K1 twice in x: -100; one F among 3 in x: -30 (y has one person: no penalty);
        // p3 moved from y: -50.
        Assert.Equal(new ScoreBreakdown(50, -100, -30, -50), ev.Breakdown);
        Assert.Equal(-130, ev.Score);
    }

    [Fact]
    public void Weights_and_max_per_country_change_the_score()
    {
        var inst = new SplitInstance([P("p1", "K", "F", ["a"]), P("p2", "K", "F", ["a"]), P("p3", "K", "M")],
            [C("x", 0, 4, new() { ["a"] = 3 })],
            new SplitRules(MaxPerCountry: 2), new SplitWeights(1, 7, 5, 0));
        var ev = SplitScorer.Evaluate(inst, new Dictionary<string, string> { ["p1"] = "x", ["p2"] = "x", ["p3"] = "x" });
        Assert.Equal(new ScoreBreakdown(6, -7, -5, 0), ev.Breakdown);
    }

    [Fact]
    public void Every_broken_rule_is_listed_in_words()
    {
        var inst = new SplitInstance(
            [P("a", "A", lang: "es", region: "R"), P("b", "B", lang: "fr", region: "R"), P("c", "C", lang: "ar"), P("d", "D"), P("e", "E")],
            [C("x", 0, 2, null, 1, ["es", "fr"]), C("y", 3, 5, null, 1)],
            new SplitRules(MaxPerRegion: 1, Locked: new Dictionary<string, string> { ["d"] = "x" },
                Apart: [new("a", "b")], Together: [new("d", "e")]));
        var plan = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "x", ["d"] = "y", ["zz"] = "x" };
        var v = SplitScorer.Evaluate(inst, plan).Violations;
        Assert.Contains("the plan names unknown participant 'zz'", v);
        Assert.Contains("e is not assigned to any city", v);
        Assert.Contains("X has 3 participants, more than its maximum of 2", v);
        Assert.Contains("Y has 1 participants, fewer than its minimum of 3", v);
        Assert.Contains("d is locked to X but is in Y", v);
        Assert.Contains("a and b must be apart but are both in X", v);
        Assert.Contains("X needs 3 interpretation languages (Spanish, French, Arabic) but has 1 interpreter", v);
        Assert.Contains("c needs Arabic interpretation, which X does not offer", v);
        Assert.Contains("X has 2 participants from R, more than the limit of 1", v);
        var split = SplitScorer.Evaluate(inst, new Dictionary<string, string> { ["d"] = "x", ["e"] = "y" }).Violations;
        Assert.Contains("d and e must be together but are in X and Y", split);
    }
}
