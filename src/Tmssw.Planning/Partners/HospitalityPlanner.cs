using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Tmssw.Planning.Partners;

/// <summary>
/// A visitor to place for the evening: a participant, or one of the group's interpreters. Languages
/// are BCP 47 tags and match on their primary subtag (<c>es-MX</c> speaks with <c>es</c>). Diets are
/// codes (<c>halal</c>, <c>vegetarian</c>, …) the host household must be able to serve.
/// </summary>
public sealed record HospitalityGuest(
    string Id,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Diets,
    bool NeedsStepFreeAccess,
    bool IsInterpreter = false);

/// <summary>A household free that evening: how many guests it takes (2–3), the languages spoken, the diets it cannot serve, whether it is step-free.</summary>
public sealed record HospitalityHome(
    string Id,
    int Capacity,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> CannotServe,
    bool StepFreeAccess);

public sealed record HospitalityInstance(IReadOnlyList<HospitalityGuest> Guests, IReadOnlyList<HospitalityHome> Homes);

/// <summary>One home's guests: participant ids and interpreter ids apart.</summary>
public sealed record HomePlacement(string HomeId, int Capacity, IReadOnlyList<string> Guests, IReadOnlyList<string> Interpreters);

public sealed record UnplacedGuest(string GuestId, bool IsInterpreter, string Reason);

/// <summary>
/// The placement: every home (empty ones too), the guests it could not place with the reason, and
/// the score <see cref="HospitalityPlanner.Score"/> gives (the objective, so tests can compare).
/// </summary>
public sealed record HospitalityResult(
    PlanningStatus Status,
    IReadOnlyList<HomePlacement> Homes,
    IReadOnlyList<UnplacedGuest> Unplaced,
    long Score,
    double Seconds);

/// <summary>
/// Home hospitality for one evening as a small CP-SAT model. Hard rules: each guest in at most one
/// home; a home's capacity; no guest where a diet of theirs cannot be served or where they need
/// step-free access the home lacks; every participant shares a language with their home or an
/// interpreter placed there shares one with both; an interpreter only where they share a language
/// with the household, and at most one interpreter per home (interpreters are spread, not pooled).
/// Objective, lexicographic: as many participants placed as possible, then as many interpreters.
/// Anyone left out gets the first rule that excludes them (or "the homes that fit were full").
/// </summary>
public static class HospitalityPlanner
{
    public static HospitalityResult Solve(HospitalityInstance instance, TimeSpan? timeLimit = null, int workers = 0)
    {
        var watch = Stopwatch.StartNew();
        var guests = instance.Guests;
        var homes = instance.Homes;
        var interpreters = Enumerable.Range(0, guests.Count).Where(g => guests[g].IsInterpreter).ToArray();
        var participantWeight = interpreters.Length + 1L;

        var model = new CpModel();
        var x = new BoolVar?[guests.Count, homes.Count];
        for (var g = 0; g < guests.Count; g++)
        {
            for (var h = 0; h < homes.Count; h++)
            {
                if (Admits(guests[g], homes[h]) && (guests[g].IsInterpreter ? Shares(guests[g].Languages, homes[h].Languages) : CanTalk(instance, g, h)))
                {
                    x[g, h] = model.NewBoolVar($"x_{g}_{h}");
                }
            }
        }

        IEnumerable<BoolVar> Row(int g) => Enumerable.Range(0, homes.Count).Select(h => x[g, h]).OfType<BoolVar>();
        IEnumerable<BoolVar> Column(int h, IEnumerable<int> of) => of.Select(g => x[g, h]).OfType<BoolVar>();

        var terms = new List<(BoolVar Var, long Weight)>();
        for (var g = 0; g < guests.Count; g++)
        {
            var row = Row(g).ToArray();
            if (row.Length > 0)
            {
                model.AddAtMostOne(row);
                terms.AddRange(row.Select(v => (v, guests[g].IsInterpreter ? 1L : participantWeight)));
            }
        }

        for (var h = 0; h < homes.Count; h++)
        {
            var all = Column(h, Enumerable.Range(0, guests.Count)).ToArray();
            if (all.Length > 0)
            {
                model.Add(LinearExpr.Sum(all) <= homes[h].Capacity);
            }

            var here = Column(h, interpreters).ToArray();
            if (here.Length > 1)
            {
                model.AddAtMostOne(here);
            }

            // A participant without a shared language needs a bridging interpreter in the same home.
            for (var g = 0; g < guests.Count; g++)
            {
                if (guests[g].IsInterpreter || x[g, h] is not { } placed || Shares(guests[g].Languages, homes[h].Languages))
                {
                    continue;
                }

                var bridges = interpreters.Where(i => Bridges(guests[i], guests[g], homes[h])).Select(i => x[i, h]).OfType<BoolVar>().Cast<ILiteral>().ToList();
                bridges.Add(placed.Not());
                model.AddBoolOr(bridges);
            }
        }

        if (terms.Count > 0)
        {
            model.Maximize(LinearExpr.WeightedSum(terms.Select(t => t.Var), terms.Select(t => t.Weight)));
        }

        using var solver = new CpSolver();
        var seconds = (timeLimit ?? TimeSpan.FromSeconds(10)).TotalSeconds;
        solver.StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds:0.###} num_workers:{(workers > 0 ? workers : Math.Max(1, Math.Min(4, Environment.ProcessorCount)))} random_seed:0");
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            var none = homes.Select(h => new HomePlacement(h.Id, h.Capacity, [], [])).ToList();
            var all = guests.Select(g => new UnplacedGuest(g.Id, g.IsInterpreter, "the solver found no placement in time")).ToList();
            return new HospitalityResult(PlanningStatus.Unknown, none, all, 0, watch.Elapsed.TotalSeconds);
        }

        var homeOf = new int[guests.Count];
        Array.Fill(homeOf, -1);
        for (var g = 0; g < guests.Count; g++)
        {
            for (var h = 0; h < homes.Count; h++)
            {
                if (x[g, h] is { } v && solver.BooleanValue(v))
                {
                    homeOf[g] = h;
                }
            }
        }

        var placements = homes.Select((home, h) => new HomePlacement(
            home.Id,
            home.Capacity,
            [.. Enumerable.Range(0, guests.Count).Where(g => homeOf[g] == h && !guests[g].IsInterpreter).Select(g => guests[g].Id)],
            [.. Enumerable.Range(0, guests.Count).Where(g => homeOf[g] == h && guests[g].IsInterpreter).Select(g => guests[g].Id)])).ToList();
        var unplaced = Enumerable.Range(0, guests.Count).Where(g => homeOf[g] < 0)
            .Select(g => new UnplacedGuest(guests[g].Id, guests[g].IsInterpreter, Explain(instance, g))).ToList();
        return new HospitalityResult(
            status == CpSolverStatus.Optimal ? PlanningStatus.Optimal : PlanningStatus.Feasible,
            placements,
            unplaced,
            Score(instance, placements),
            watch.Elapsed.TotalSeconds);
    }

    /// <summary>The objective of any placement: participants placed weigh (interpreters + 1) each, interpreters 1 each.</summary>
    public static long Score(HospitalityInstance instance, IReadOnlyList<HomePlacement> homes)
    {
        var weight = instance.Guests.Count(g => g.IsInterpreter) + 1L;
        return homes.Sum(h => (h.Guests.Count * weight) + h.Interpreters.Count);
    }

    /// <summary>Every hard rule on a placement; empty when it keeps them all (the tests' checker).</summary>
    public static IReadOnlyList<string> Violations(HospitalityInstance instance, IReadOnlyList<HomePlacement> placement)
    {
        var problems = new List<string>();
        var byId = instance.Guests.ToDictionary(g => g.Id);
        var seen = new HashSet<string>();
        foreach (var p in placement)
        {
            var home = instance.Homes.First(h => h.Id == p.HomeId);
            var here = p.Guests.Concat(p.Interpreters).Select(id => byId[id]).ToList();
            if (here.Count > home.Capacity)
            {
                problems.Add($"{home.Id} over capacity");
            }

            if (p.Interpreters.Count > 1)
            {
                problems.Add($"{home.Id} has more than one interpreter");
            }

            foreach (var g in here)
            {
                if (!seen.Add(g.Id))
                {
                    problems.Add($"{g.Id} placed twice");
                }

                if (!Admits(g, home))
                {
                    problems.Add($"{g.Id} cannot be served at {home.Id}");
                }

                var talks = g.IsInterpreter
                    ? Shares(g.Languages, home.Languages)
                    : Shares(g.Languages, home.Languages) || here.Any(i => i.IsInterpreter && Bridges(i, g, home));
                if (!talks)
                {
                    problems.Add($"{g.Id} shares no language at {home.Id}");
                }
            }
        }

        return problems;
    }

    /// <summary>Diet and access: the household can serve every diet of the guest, and is step-free when needed.</summary>
    public static bool Admits(HospitalityGuest guest, HospitalityHome home) =>
        !guest.Diets.Any(d => home.CannotServe.Contains(d, StringComparer.OrdinalIgnoreCase))
        && (!guest.NeedsStepFreeAccess || home.StepFreeAccess);

    /// <summary>Two lists of BCP 47 tags share a language (on the primary subtag).</summary>
    public static bool Shares(IEnumerable<string> a, IEnumerable<string> b)
    {
        var set = b.Select(Primary).ToHashSet(StringComparer.Ordinal);
        return a.Any(x => set.Contains(Primary(x)));
    }

    /// <summary>An interpreter bridges a participant and a household when they share a language with each.</summary>
    public static bool Bridges(HospitalityGuest interpreter, HospitalityGuest participant, HospitalityHome home) =>
        Shares(interpreter.Languages, participant.Languages) && Shares(interpreter.Languages, home.Languages);

    private static bool CanTalk(HospitalityInstance instance, int g, int h)
    {
        var guest = instance.Guests[g];
        var home = instance.Homes[h];
        return Shares(guest.Languages, home.Languages)
            || instance.Guests.Any(i => i.IsInterpreter && Admits(i, home) && Bridges(i, guest, home));
    }

    private static string Primary(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? tag : tag[..dash]).Trim().ToLowerInvariant();
    }

    /// <summary>The first rule that leaves the guest no home, else the homes that fit them were full.</summary>
    private static string Explain(HospitalityInstance instance, int g)
    {
        var guest = instance.Guests[g];
        var homes = instance.Homes;
        if (homes.Count == 0)
        {
            return "no household is free that evening";
        }

        var fed = homes.Where(h => !guest.Diets.Any(d => h.CannotServe.Contains(d, StringComparer.OrdinalIgnoreCase))).ToList();
        if (fed.Count == 0)
        {
            return $"no free household can serve their diet ({string.Join(", ", guest.Diets)})";
        }

        var reachable = fed.Where(h => !guest.NeedsStepFreeAccess || h.StepFreeAccess).ToList();
        if (reachable.Count == 0)
        {
            return "they need step-free access and no free household that can serve their diet has it";
        }

        var talking = reachable.Where(h => guest.IsInterpreter
            ? Shares(guest.Languages, h.Languages)
            : CanTalk(instance, g, homes.ToList().IndexOf(h))).ToList();
        if (talking.Count == 0)
        {
            return guest.IsInterpreter
                ? $"no free household speaks {string.Join(" or ", guest.Languages)}"
                : $"no free household speaks {string.Join(" or ", guest.Languages)} and no interpreter covers them";
        }

        if (guest.IsInterpreter)
        {
            return $"the households they could join ({string.Join(", ", talking.Select(h => h.Id))}) are full or already have an interpreter";
        }

        var needInterpreter = talking.All(h => !Shares(guest.Languages, h.Languages));
        return needInterpreter
            ? $"they need an interpreter, and the households they could join with one ({string.Join(", ", talking.Select(h => h.Id))}) are full or have none to spare"
            : $"the households they could join ({string.Join(", ", talking.Select(h => h.Id))}) are full";
    }
}
