using Google.OrTools.Sat;

namespace Tmssw.Planning.Splits.Internal;

/// <summary>Explains infeasibility: arithmetic checks that prove it, and relaxing one rule family at a time.</summary>
internal static class Conflicts
{
    private static string Plural(int n, string one, string many) => n == 1 ? $"{n} {one}" : $"{n} {many}";

    /// <summary>Quick checks; each message found is a proof that no plan meets the hard rules.</summary>
    public static List<string> QuickChecks(Indexed ix)
    {
        var found = new List<string>();
        int n = ix.N, m = ix.M;
        long sumMax = ix.Max.Sum(x => (long)x), sumMin = ix.Min.Sum(x => (long)x);
        if (sumMax < n)
        {
            found.Add($"{Plural(n, "participant", "participants")} but the cities hold at most {sumMax} (sum of maxSize)");
        }

        if (sumMin > n)
        {
            found.Add($"the cities need at least {sumMin} participants (sum of minSize) but there are {n}");
        }

        for (int l = 0; l < ix.L; l++)
        {
            var offering = Enumerable.Range(0, m).Where(c => ix.LangOk[c * ix.L + l]).ToList();
            string lang = ix.LangName(l);
            if (offering.Count == 0)
            {
                found.Add($"{Plural(ix.LangSize[l], "participant needs", "participants need")} {lang} interpretation but no city offers it");
            }
            else
            {
                long cap = offering.Sum(c => (long)ix.Max[c]);
                if (ix.LangSize[l] > cap)
                {
                    found.Add($"{ix.LangSize[l]} participants need {lang} interpretation but the cities that offer it hold at most {cap}");
                }
            }
        }

        for (int p = 0; p < n; p++)
        {
            if (ix.Lock[p] >= 0 && ix.Lang[p] >= 0 && !ix.LangOk[ix.Lock[p] * ix.L + ix.Lang[p]])
            {
                found.Add($"{ix.PId[p]} is locked to {ix.CityName(ix.Lock[p])}, which does not offer {ix.LangName(ix.Lang[p])} interpretation");
            }
        }

        for (int c = 0; c < m; c++)
        {
            var lockedHere = Enumerable.Range(0, n).Where(p => ix.Lock[p] == c).ToList();
            if (lockedHere.Count > ix.Max[c])
            {
                found.Add($"{lockedHere.Count} participants are locked to {ix.CityName(c)}, which holds at most {ix.Max[c]}");
            }

            var langs = lockedHere.Where(p => ix.Lang[p] >= 0).Select(p => ix.Lang[p]).Distinct().ToList();
            if (langs.Count > ix.Interp[c])
            {
                found.Add($"participants locked to {ix.CityName(c)} need {langs.Count} interpretation languages " +
                          $"({string.Join(", ", langs.Select(ix.LangName))}) but it has {Plural(ix.Interp[c], "interpreter", "interpreters")}");
            }

            if (ix.MaxPerRegion != int.MaxValue)
            {
                foreach (var grp in lockedHere.Where(p => ix.Region[p] >= 0).GroupBy(p => ix.Region[p]))
                {
                    if (grp.Count() > ix.MaxPerRegion)
                    {
                        found.Add($"{grp.Count()} participants from {ix.RegionName[grp.Key]} are locked to {ix.CityName(c)} but the region limit is {ix.MaxPerRegion}");
                    }
                }
            }
        }

        foreach (var pr in ix.Instance.Rules.Together)
        {
            int p = ix.PIndex[pr.First], q = ix.PIndex[pr.Second];
            if (ix.Lock[p] >= 0 && ix.Lock[q] >= 0 && ix.Lock[p] != ix.Lock[q])
            {
                found.Add($"together pair {pr.First}, {pr.Second} locked to different cities ({ix.CityName(ix.Lock[p])}, {ix.CityName(ix.Lock[q])})");
            }
        }
        foreach (var pr in ix.Instance.Rules.Apart)
        {
            int p = ix.PIndex[pr.First], q = ix.PIndex[pr.Second];
            if (ix.Lock[p] >= 0 && ix.Lock[p] == ix.Lock[q])
            {
                found.Add($"apart pair {pr.First}, {pr.Second} both locked to {ix.CityName(ix.Lock[p])}");
            }
            else if (ix.ComponentOf[p] == ix.ComponentOf[q])
            {
                found.Add($"{pr.First} and {pr.Second} must be apart but together pairs link them into one group");
            }
        }
        foreach (var comp in ix.Components.Where(c => c.Length > 1))
        {
            var locks = comp.Where(p => ix.Lock[p] >= 0).Select(p => ix.Lock[p]).Distinct().ToList();
            var names = string.Join(", ", comp.Select(p => ix.PId[p]));
            if (locks.Count > 1 && comp.Length > 2)
            {
                found.Add($"together group {names} is locked to different cities ({string.Join(", ", locks.Select(ix.CityName))})");
            }

            int largest = Enumerable.Range(0, m).Where(c => comp.All(p => ix.Allowed[p * m + c])).Select(c => ix.Max[c]).DefaultIfEmpty(0).Max();
            if (comp.Length > largest && locks.Count <= 1)
            {
                found.Add($"together group {names} ({comp.Length} people) fits in no city that can take all of them (largest maxSize {largest})");
            }
        }
        if (ix.MaxPerRegion != int.MaxValue)
        {
            for (int r = 0; r < ix.R; r++)
            {
                if (ix.RegionSize[r] > (long)ix.MaxPerRegion * m)
                {
                    found.Add($"{ix.RegionSize[r]} participants from {ix.RegionName[r]} but at most {ix.MaxPerRegion} per city in {m} cities ({(long)ix.MaxPerRegion * m})");
                }
            }
        }

        return found;
    }

    private static readonly (Relax Family, string Name, string Unit)[] Families =
    [
        (Relax.Sizes, "group sizes", "place(s) outside the cities' size limits"),
        (Relax.Locks, "locks", "lock(s) lifted"),
        (Relax.Apart, "apart pairs", "apart pair(s) sharing a city"),
        (Relax.Together, "together pairs", "together pair(s) split"),
        (Relax.Interpretation, "interpretation", "interpretation need(s) unmet"),
        (Relax.Region, "the region limit", "place(s) over the region limit"),
    ];

    /// <summary>Relaxes each rule family on its own (its violations minimized, the others hard) and reports which
    /// families the clash involves and by how much.</summary>
    public static List<string> ByRelaxation(Indexed ix, TimeSpan budget, int workers, CancellationToken ct)
    {
        var present = Families.Where(f => f.Family switch
        {
            Relax.Locks => ix.Lock.Any(x => x >= 0),
            Relax.Apart => ix.Instance.Rules.Apart.Count > 0,
            Relax.Together => ix.Instance.Rules.Together.Count > 0,
            Relax.Interpretation => ix.L > 0,
            Relax.Region => ix.MaxPerRegion != int.MaxValue,
            _ => true,
        }).ToList();
        var found = new List<string>();
        var fixers = new List<string>();
        var notEnough = new List<string>();
        var start = System.Diagnostics.Stopwatch.StartNew();
        double per = Math.Min(10, budget.TotalSeconds / (present.Count + 1));
        var all = Enumerable.Range(0, ix.N).ToArray();
        var cities = Enumerable.Range(0, ix.M).ToArray();
        foreach (var (family, name, unit) in present)
        {
            if (ct.IsCancellationRequested || start.Elapsed > budget)
            {
                break;
            }

            var (status, value) = MinSlack(ix, all, cities, family, per, workers, ct);
            if (status == CpSolverStatus.Infeasible)
            {
                notEnough.Add(name);
            }
            else if (status == CpSolverStatus.Optimal && value > 0)
            {
                fixers.Add($"{name} clash with the other rules: relaxing only {name}, the least violation is {value} {unit}");
            }
            else if (status == CpSolverStatus.Feasible)
            {
                fixers.Add($"{name} clash with the other rules: relaxing only {name}, a plan exists with {value} {unit} (not proven least)");
            }
        }
        found.AddRange(fixers);
        if (fixers.Count == 0 && present.Count > 0 && !ct.IsCancellationRequested && start.Elapsed < budget)
        {
            var every = present.Aggregate(Relax.None, (acc, f) => acc | f.Family);
            var (status, value) = MinSlack(ix, all, cities, every, per, workers, ct);
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                found.Add($"no single rule family explains the clash; relaxing {string.Join(", ", present.Select(f => f.Name))} together, " +
                          $"the least total violation is {value}{(status == CpSolverStatus.Feasible ? " or less" : "")}");
            }
        }
        if (notEnough.Count > 0 && fixers.Count > 0)
        {
            found.Add($"relaxing {string.Join(" or ", notEnough)} alone is not enough");
        }

        return found;
    }

    private static (CpSolverStatus Status, long Value) MinSlack(Indexed ix, int[] parts, int[] cities, Relax relax,
        double seconds, int workers, CancellationToken ct)
    {
        var model = new SplitModel(ix, parts, cities, relax);
        using var solver = new CpSolver();
        solver.StringParameters = PlannerRun.Params(Math.Max(0.05, seconds), workers);
        using var reg = ct.Register(solver.StopSearch);
        var status = solver.Solve(model.Model, null);
        long value = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible ? (long)Math.Round(solver.ObjectiveValue) : -1;
        return (status, value);
    }
}
