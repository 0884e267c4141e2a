using Tmssw.Planning.Splits;
using static Tmssw.Planning.Tests.Splits.SplitTestKit;

namespace Tmssw.Planning.Tests.Splits;

/// <summary>Each hard rule on its own: it binds in a feasible instance, and an instance it makes infeasible gets
/// a conflict naming it.</summary>
public class SplitHardRuleTests
{
    private static readonly Dictionary<string, int> Narcotics = new() { ["narcotics"] = 3 };
    private static readonly string[] N = ["narcotics"];

    private static SplitResult Solve(SplitInstance inst)
    {
        var r = SplitPlanner.Solve(inst, Fast);
        if (r.Status is PlanningStatus.Optimal or PlanningStatus.Feasible)
        {
            var ev = SplitScorer.Evaluate(inst, r.Assignment);
            Assert.True(ev.IsFeasible, string.Join("; ", ev.Violations));
            Assert.Equal(ev.Score, r.Score);
        }
        return r;
    }

    private static void AssertInfeasible(SplitInstance inst, string expectedConflict)
    {
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Infeasible, r.Status);
        Assert.Null(r.Score);
        Assert.Empty(r.Assignment);
        Assert.Contains(r.Conflicts, c => c.Contains(expectedConflict, StringComparison.Ordinal));
    }

    [Fact]
    public void Sizes_bind_and_clash()
    {
        // Everyone prefers x, but x holds 2.
        var inst = new SplitInstance([P("a", "A", themes: N), P("b", "B", themes: N), P("c", "C", themes: N)],
            [C("x", 0, 2, Narcotics), C("y", 0, 3)]);
        var r = Solve(inst);
        Assert.Equal(2, r.Assignment.Values.Count(v => v == "x"));
        AssertInfeasible(inst with { Cities = [C("x", 0, 1), C("y", 0, 1)] },
            "3 participants but the cities hold at most 2 (sum of maxSize)");
        AssertInfeasible(inst with { Cities = [C("x", 2, 3), C("y", 2, 3)] },
            "the cities need at least 4 participants (sum of minSize) but there are 3");
    }

    [Fact]
    public void Min_size_fills_an_unpopular_city()
    {
        var inst = new SplitInstance([P("a", "A", themes: N), P("b", "B", themes: N), P("c", "C", themes: N)],
            [C("x", 0, 3, Narcotics), C("y", 1, 3)]);
        Assert.Equal(1, Solve(inst).Assignment.Values.Count(v => v == "y"));
    }

    [Fact]
    public void Locks_bind_and_clash()
    {
        var inst = new SplitInstance([P("a", "A", themes: N), P("b", "B", themes: N), P("c", "C")],
            [C("x", 0, 3, Narcotics), C("y", 0, 3)],
            new SplitRules(Locked: new Dictionary<string, string> { ["a"] = "y" }));
        var r = Solve(inst);
        Assert.Equal("y", r.Assignment["a"]);
        Assert.StartsWith("locked to Y", r.Explanations["a"]);
        AssertInfeasible(inst with
        {
            Cities = [C("x", 0, 3), C("y", 0, 1)],
            Rules = new SplitRules(Locked: new Dictionary<string, string> { ["a"] = "y", ["b"] = "y" }),
        }, "2 participants are locked to Y, which holds at most 1");
    }

    [Fact]
    public void Apart_binds_and_clashes()
    {
        var inst = new SplitInstance([P("a", "A", themes: N), P("b", "B", themes: N)],
            [C("x", 0, 3, Narcotics), C("y", 0, 3)],
            new SplitRules(Apart: [new ParticipantPair("a", "b")]));
        var r = Solve(inst);
        Assert.NotEqual(r.Assignment["a"], r.Assignment["b"]);
        AssertInfeasible(inst with
        {
            Rules = new SplitRules(Apart: [new("a", "b")], Locked: new Dictionary<string, string> { ["a"] = "x", ["b"] = "x" }),
        }, "apart pair a, b both locked to X");
        // Only found by relaxing rule families: one city holds everyone.
        AssertInfeasible(inst with { Cities = [C("x", 0, 3), C("y", 0, 0)] }, "apart pairs clash with the other rules");
    }

    [Fact]
    public void Together_binds_and_clashes()
    {
        var inst = new SplitInstance([P("a", "A", themes: N), P("b", "B")],
            [C("x", 0, 3, Narcotics), C("y", 0, 3)],
            new SplitRules(Together: [new ParticipantPair("a", "b")]));
        var r = Solve(inst);
        Assert.Equal(r.Assignment["a"], r.Assignment["b"]);
        Assert.Contains("together with b", r.Explanations["a"]);
        AssertInfeasible(inst with
        {
            Rules = new SplitRules(Together: [new("a", "b")], Locked: new Dictionary<string, string> { ["a"] = "x", ["b"] = "y" }),
        }, "together pair a, b locked to different cities (X, Y)");
        AssertInfeasible(inst with { Cities = [C("x", 0, 1), C("y", 0, 1)] }, "together group a, b (2 people) fits in no city");
    }

    [Fact]
    public void Interpreter_count_binds_and_clashes()
    {
        // x has one interpreter for es or fr; both want x.
        var inst = new SplitInstance([P("a", "A", themes: N, lang: "es"), P("b", "B", themes: N, lang: "fr")],
            [C("x", 0, 3, Narcotics, 1, ["es", "fr"]), C("y", 0, 3, null, 1, ["es", "fr"])]);
        var r = Solve(inst);
        Assert.NotEqual(r.Assignment["a"], r.Assignment["b"]);
        // Three languages, two cities with one interpreter each: no arithmetic check sees it; relaxation does.
        var three = inst with
        {
            Participants = [.. inst.Participants, P("c", "C", lang: "ar")],
            Cities = [C("x", 0, 3, null, 1), C("y", 0, 3, null, 1)],
        };
        AssertInfeasible(three, "interpretation clash with the other rules: relaxing only interpretation, the least violation is 1");
    }

    [Fact]
    public void Offered_languages_bind_and_clash()
    {
        var inst = new SplitInstance([P("a", "A", themes: N, lang: "es"), P("b", "B", lang: "es"), P("c", "C", lang: "es")],
            [C("x", 0, 3, Narcotics, 1, ["fr"]), C("y", 0, 3, null, 1, ["es"])]);
        var r = Solve(inst);
        Assert.All(r.Assignment.Values, v => Assert.Equal("y", v));
        AssertInfeasible(inst with { Cities = [C("x", 0, 3, null, 1, ["fr"]), C("y", 0, 2, null, 1, ["es"])] },
            "3 participants need Spanish interpretation but the cities that offer it hold at most 2");
        AssertInfeasible(inst with { Cities = [C("x", 0, 3, null, 1, ["fr"]), C("y", 0, 3, null, 0)] },
            "3 participants need Spanish interpretation but no city offers it");
        AssertInfeasible(inst with
        {
            Rules = new SplitRules(Locked: new Dictionary<string, string> { ["a"] = "x" }),
        }, "a is locked to X, which does not offer Spanish interpretation");
    }

    [Fact]
    public void Region_limit_binds_and_clashes()
    {
        var inst = new SplitInstance(
            [P("a", "A", themes: N, region: "Africa"), P("b", "B", themes: N, region: "Africa"), P("c", "C", themes: N, region: "Africa")],
            [C("x", 0, 3, Narcotics), C("y", 0, 3)],
            new SplitRules(MaxPerRegion: 2));
        var r = Solve(inst);
        Assert.Equal(2, r.Assignment.Values.Count(v => v == "x"));
        AssertInfeasible(inst with { Rules = new SplitRules(MaxPerRegion: 1) },
            "3 participants from Africa but at most 1 per city in 2 cities (2)");
        // Relaxation-only: y holds nobody.
        AssertInfeasible(inst with { Cities = [C("x", 0, 3), C("y", 0, 0)] }, "the region limit clash with the other rules");
    }

    [Fact]
    public void Sizes_clash_found_by_relaxation_says_by_how_much()
    {
        // Two apart pairs and a together pair in two cities of 2: fine by arithmetic, infeasible by combination.
        var inst = new SplitInstance([P("a", "A"), P("b", "B"), P("c", "C"), P("d", "D")],
            [C("x", 0, 2), C("y", 0, 2)],
            new SplitRules(Together: [new("a", "b"), new("b", "c")]));
        var r = SplitPlanner.Solve(inst, Fast);
        Assert.Equal(PlanningStatus.Infeasible, r.Status);
        Assert.Contains(r.Conflicts, c => c.Contains("together group a, b, c (3 people) fits in no city", StringComparison.Ordinal));
        Assert.Contains(r.Conflicts, c => c.Contains("group sizes clash with the other rules: relaxing only group sizes, the least violation is 1 place(s)", StringComparison.Ordinal));
    }
}
