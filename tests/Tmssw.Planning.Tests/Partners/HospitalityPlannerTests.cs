using Tmssw.Planning.Partners;

namespace Tmssw.Planning.Tests.Partners;

/// <summary>
/// The hospitality model against enumeration: on small cases every assignment of every guest to a
/// home (or none) is tried, the valid ones scored, and the solver's score must equal the best;
/// its own placement must keep every rule. Infeasible guests come back with the rule that excludes them.
/// </summary>
public class HospitalityPlannerTests
{
    private static HospitalityGuest P(string id, string langs, string diets = "", bool stepFree = false) =>
        new(id, Split(langs), Split(diets), stepFree);

    private static HospitalityGuest I(string id, string langs) => new(id, Split(langs), [], false, IsInterpreter: true);

    private static HospitalityHome H(string id, int capacity, string langs, string cannot = "", bool stepFree = false) =>
        new(id, capacity, Split(langs), Split(cannot), stepFree);

    private static string[] Split(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static TheoryData<string> Cases => ["languages", "diets", "interpreters", "tight", "access"];

    private static HospitalityInstance Case(string name) => name switch
    {
        "languages" => new(
            [P("1", "en"), P("2", "es"), P("3", "fr,en"), P("4", "ar"), P("5", "es-MX")],
            [H("a", 2, "en"), H("b", 3, "es,en"), H("c", 2, "ar")]),
        "diets" => new(
            [P("1", "en", "halal"), P("2", "en", "vegetarian"), P("3", "en"), P("4", "en", "halal,gluten-free")],
            [H("a", 2, "en", "halal"), H("b", 2, "en", "gluten-free"), H("c", 3, "en", "vegetarian")]),
        "interpreters" => new(
            [P("1", "ru"), P("2", "ru"), P("3", "pt"), P("4", "en"), I("i-ru", "ru,en"), I("i-pt", "pt,en")],
            [H("a", 3, "en"), H("b", 3, "en"), H("c", 2, "en")]),
        "tight" => new(
            [P("1", "ar"), P("2", "ar"), P("3", "ar"), P("4", "en"), I("i-ar", "ar,en")],
            [H("a", 2, "en"), H("b", 3, "en")]),
        _ => new(
            [P("1", "en", stepFree: true), P("2", "en", stepFree: true), P("3", "en", stepFree: true), P("4", "fr")],
            [H("a", 2, "en,fr", stepFree: true), H("b", 3, "en,fr")]),
    };

    private static long BruteForceBest(HospitalityInstance inst)
    {
        var n = inst.Guests.Count;
        var m = inst.Homes.Count;
        var choice = new int[n];
        long best = -1;
        var total = (long)Math.Pow(m + 1, n);
        for (long code = 0; code < total; code++)
        {
            var c = code;
            for (var g = 0; g < n; g++)
            {
                choice[g] = (int)(c % (m + 1)) - 1;
                c /= m + 1;
            }

            var placement = inst.Homes.Select((h, k) => new HomePlacement(h.Id, h.Capacity,
                [.. Enumerable.Range(0, n).Where(g => choice[g] == k && !inst.Guests[g].IsInterpreter).Select(g => inst.Guests[g].Id)],
                [.. Enumerable.Range(0, n).Where(g => choice[g] == k && inst.Guests[g].IsInterpreter).Select(g => inst.Guests[g].Id)])).ToList();
            if (HospitalityPlanner.Violations(inst, placement).Count == 0)
            {
                best = Math.Max(best, HospitalityPlanner.Score(inst, placement));
            }
        }

        return best;
    }

    [Theory, MemberData(nameof(Cases))]
    public void The_solver_finds_the_optimum_enumeration_finds(string name)
    {
        var inst = Case(name);
        var result = HospitalityPlanner.Solve(inst, TimeSpan.FromSeconds(10), workers: 1);

        Assert.Equal(PlanningStatus.Optimal, result.Status);
        Assert.Empty(HospitalityPlanner.Violations(inst, result.Homes));
        Assert.Equal(BruteForceBest(inst), result.Score);
        Assert.Equal(result.Score, HospitalityPlanner.Score(inst, result.Homes));
        var placed = result.Homes.SelectMany(h => h.Guests.Concat(h.Interpreters)).Concat(result.Unplaced.Select(u => u.GuestId));
        Assert.Equal(inst.Guests.Select(g => g.Id).Order(), placed.Order());
    }

    [Fact]
    public void A_group_that_fits_is_placed_whole_with_interpreters_where_they_are_needed()
    {
        var inst = Case("interpreters");
        var result = HospitalityPlanner.Solve(inst, workers: 1);

        Assert.Empty(result.Unplaced);
        var ruHomes = result.Homes.Where(h => h.Guests.Contains("1") || h.Guests.Contains("2")).ToList();
        Assert.All(ruHomes, h => Assert.Contains("i-ru", h.Interpreters));
        Assert.Contains("i-pt", result.Homes.Single(h => h.Guests.Contains("3")).Interpreters);
    }

    [Fact]
    public void Infeasibility_is_explained_guest_by_guest()
    {
        var inst = new HospitalityInstance(
            [
                P("kosher", "en", "kosher"),
                P("wheel", "en", stepFree: true),
                P("uzbek", "uz"),
                P("one", "en"), P("two", "en"), P("three", "en"), P("four", "en"), P("five", "en"),
            ],
            [H("a", 2, "en", "kosher"), H("b", 2, "en", "kosher")]);
        var result = HospitalityPlanner.Solve(inst, workers: 1);

        var reasons = result.Unplaced.ToDictionary(u => u.GuestId, u => u.Reason);
        Assert.Contains("serve their diet (kosher)", reasons["kosher"]);
        Assert.Contains("step-free", reasons["wheel"]);
        Assert.Contains("no free household speaks uz", reasons["uzbek"]);
        Assert.Contains("full", Assert.Single(reasons, r => r.Key is "one" or "two" or "three" or "four" or "five").Value);
        Assert.Equal(4, result.Homes.Sum(h => h.Guests.Count));
    }

    [Fact]
    public void No_free_household_is_said_so()
    {
        var result = HospitalityPlanner.Solve(new HospitalityInstance([P("1", "en")], []), workers: 1);

        Assert.Equal("no household is free that evening", Assert.Single(result.Unplaced).Reason);
    }

    [Fact]
    public void A_home_gets_at_most_one_interpreter()
    {
        var inst = new HospitalityInstance([I("i-ar", "ar,en"), I("i-ru", "ru,en")], [H("a", 3, "en")]);
        var result = HospitalityPlanner.Solve(inst, workers: 1);

        Assert.Single(result.Homes.Single().Interpreters);
        Assert.Contains("already have an interpreter", Assert.Single(result.Unplaced).Reason);
    }
}
