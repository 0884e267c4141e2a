using System.Diagnostics;
using System.Globalization;
using Tmssw.Bench.Split;
using Tmssw.Planning;
using Tmssw.Planning.Splits;
using Tmssw.Planning.Splits.Baselines;

// Usage: dotnet run -c Release --project bench/Tmssw.Bench.Split -- [--sizes S,M,L] [--limits 10,60] [--seed 1]
//        [--methods greedy,ls,plain,planner] [--workers N] [--write-instance S=path.json]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string sizesArg = "S,M,L", limitsArg = "10,60", methodsArg = "greedy,ls,plain,planner";
int seed = 1, workers = Environment.ProcessorCount;
bool verbose = false;
string? writeInstance = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--sizes": sizesArg = Next(); break;
        case "--limits": limitsArg = Next(); break;
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--methods": methodsArg = Next(); break;
        case "--workers": workers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--write-instance": writeInstance = Next(); break;
        case "--verbose": verbose = true; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
var sizes = sizesArg.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Generator.ByName).ToList();
var limits = limitsArg.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
var methods = methodsArg.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

if (writeInstance is not null)
{
    var parts = writeInstance.Split('=', 2);
    File.WriteAllText(parts[1], SplitJson.WriteInstance(Generator.Generate(Generator.ByName(parts[0]), seed)));
    Console.WriteLine($"wrote {parts[1]}");
    return 0;
}

Console.WriteLine($"Split planner benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, seed {seed}");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores (Environment.ProcessorCount), CP-SAT workers {workers}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine();

var rows = new List<(string Size, string Method, long? Score, long? Bound, int Violations, double Seconds, string Status)>();
var ratios = new List<string>();
foreach (var size in sizes)
{
    var inst = Generator.Generate(size, seed);
    Console.Error.WriteLine($"[{size.Name}] {inst.Participants.Count} participants, {inst.Participants.Select(p => p.Country).Distinct().Count()} countries, {inst.Cities.Count} cities");
    var sizeRows = new List<(string Size, string Method, long? Score, long? Bound, int Violations, double Seconds, string Status)>();
    void Add(string method, IReadOnlyDictionary<string, string>? plan, long? bound, double seconds, string status)
    {
        long? score = null; int viol = 0;
        if (plan is not null && plan.Count > 0)
        {
            var ev = SplitScorer.Evaluate(inst, plan);
            score = ev.Score; viol = ev.Violations.Count;
        }
        sizeRows.Add((size.Name, method, score, bound, viol, seconds, status));
        Console.Error.WriteLine($"  {method,-22} score {score?.ToString(CultureInfo.InvariantCulture) ?? "-",8} bound {bound?.ToString(CultureInfo.InvariantCulture) ?? "-",8} viol {viol} {seconds,6:0.00}s {status}");
    }
    if (methods.Contains("greedy"))
    {
        var sw = Stopwatch.StartNew();
        var plan = Greedy.Assign(inst, seed);
        Add("greedy", plan, null, sw.Elapsed.TotalSeconds, "");
    }
    if (methods.Contains("ls"))
    {
        var sw = Stopwatch.StartNew();
        var plan = LocalSearch.GreedyThenImprove(inst, TimeSpan.FromSeconds(limits.Max()), seed);
        Add("greedy+local search", plan, null, sw.Elapsed.TotalSeconds, "");
    }
    foreach (double limit in limits)
    {
        var opts = new SplitOptions
        {
            TimeLimit = TimeSpan.FromSeconds(limit), Workers = workers, Seed = seed,
            Progress = verbose ? new Inline(p => Console.Error.WriteLine($"    {p.Elapsed.TotalSeconds,6:0.00}s {p.Source,-12} score {p.Score} bound {p.Bound}")) : null,
        };
        if (methods.Contains("plain"))
        {
            var r = PlainCpSat.Solve(inst, opts);
            Add($"plain CP-SAT {limit:0}s", r.Assignment, r.Bound, r.Seconds, r.Status.ToString());
        }
        if (methods.Contains("planner"))
        {
            var r = SplitPlanner.Solve(inst, opts);
            Add($"planner {limit:0}s", r.Assignment, r.Bound, r.Seconds, r.Status.ToString());
        }
    }
    rows.AddRange(sizeRows);
    long? bestBound = sizeRows.Where(r => r.Bound is not null).Select(r => r.Bound!.Value).DefaultIfEmpty().Min() is var bb && sizeRows.Any(r => r.Bound is not null) ? bb : null;
    var ls = sizeRows.FirstOrDefault(r => r.Method == "greedy+local search");
    foreach (var r in sizeRows.Where(r => r.Method.StartsWith("planner", StringComparison.Ordinal)))
    {
        if (ls.Score is { } lsScore && r.Score is { } ps && lsScore != 0)
        {
            ratios.Add($"{size.Name}: {r.Method} / greedy+local search = {(double)ps / lsScore:0.0000}");
        }
    }

    for (int i = rows.Count - sizeRows.Count; i < rows.Count; i++)
    {
        rows[i] = rows[i] with { Bound = rows[i].Bound, Status = rows[i].Status + "|" + (bestBound?.ToString(CultureInfo.InvariantCulture) ?? "") };
    }
}

Console.WriteLine("| size | method | score | own bound | own gap % | best bound | gap to best bound % | hard-rule violations | seconds | status |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
foreach (var r in rows)
{
    var parts = r.Status.Split('|');
    long? best = parts[1].Length > 0 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : null;
    string gap = r.Score is { } s && best is { } b && b != 0 ? $"{100.0 * (b - s) / Math.Abs(b):0.00}" : "-";
    string own = r.Score is { } s2 && r.Bound is { } b2 && b2 != 0 ? $"{100.0 * (b2 - s2) / Math.Abs(b2):0.00}" : "-";
    Console.WriteLine($"| {r.Size} | {r.Method} | {r.Score?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {r.Bound?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {own} | {best?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {gap} | {r.Violations} | {r.Seconds:0.00} | {parts[0]} |");
}
Console.WriteLine();
foreach (var line in ratios)
{
    Console.WriteLine(line);
}

if (sizes.Contains(Generator.S) && methods.Contains("planner"))
{
    // The whole command path for S: JSON text in, JSON text out.
    string json = SplitJson.WriteInstance(Generator.Generate(Generator.S, seed));
    var sw = Stopwatch.StartNew();
    var read = SplitJson.ReadInstance(json);
    if (!read.Ok) { Console.WriteLine("S instance did not read back: " + string.Join("; ", read.Errors)); return 1; }
    var result = SplitPlanner.Solve(read.Instance!, new SplitOptions { TimeLimit = TimeSpan.FromSeconds(10), Workers = workers, Seed = seed });
    string output = SplitJson.WriteResult(result);
    sw.Stop();
    Console.WriteLine($"Whole command path for S (JSON text -> ReadInstance -> Solve(10 s limit) -> WriteResult -> JSON text): {sw.Elapsed.TotalSeconds:0.00} s, status {result.Status}, {output.Length} characters out");
}
return 0;

internal sealed class Inline(Action<SplitProgress> action) : IProgress<SplitProgress>
{
    public void Report(SplitProgress value) => action(value);
}
