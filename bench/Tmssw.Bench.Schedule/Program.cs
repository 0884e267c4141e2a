using System.Globalization;
using Tmssw.Bench.Schedule;
using Tmssw.Planning.Scheduling;

// Meeting scheduler benchmark: greedy vs CP-SAT on (a) the 2024 demo edition's nine city weeks as
// the product builds them (BuildScheduleInstance on a SQLite database loaded with LoadDemo), (b) large shared-host
// weeks, (c) Timefold's public meeting-scheduling sets. Usage:
//   dotnet run -c Release --project bench/Tmssw.Bench.Schedule [-- --quick] [--sets abc] [--limits 1,10] [--workers N]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var sets = Arg("--sets", "abc");
var limits = Arg("--limits", quick ? "0.5,2" : "1,10").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var tfLimit = double.Parse(Arg("--timefold-limit", quick ? "2" : "5"), CultureInfo.InvariantCulture);
var workers = int.Parse(Arg("--workers", "0"), CultureInfo.InvariantCulture);
var dataDir = Path.Combine(AppContext.BaseDirectory, "data", "timefold");

Console.WriteLine($"Meeting scheduler benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
                  $"CP-SAT workers {(workers > 0 ? workers : Math.Max(4, Environment.ProcessorCount))}{(quick ? ", quick run" : "")}");
Console.WriteLine();
Console.WriteLine("| instance | method | score | bound | gap % | hard violations | seconds |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");

void Row(string instance, string method, string score, string bound, string gap, string hard, double seconds) =>
    Console.WriteLine($"| {instance} | {method} | {score} | {bound} | {gap} | {hard} | {seconds:0.00} |");

string Gap(int score, int bound) => bound == 0 ? "0.0" : (100.0 * (bound - score) / bound).ToString("0.0", CultureInfo.InvariantCulture);

void Run(string name, ScheduleInstance instance)
{
    var greedy = GreedyScheduler.Solve(instance);
    var g = ScheduleScorer.Evaluate(instance, greedy.Meetings);
    Row(name, "greedy (earliest fit by value)", greedy.Score.ToString(CultureInfo.InvariantCulture), $"{greedy.Bound}*", Gap(greedy.Score, greedy.Bound), g.Violations.Count.ToString(CultureInfo.InvariantCulture), greedy.Seconds);
    foreach (var limit in limits)
    {
        var r = MeetingScheduler.Solve(instance, new ScheduleOptions { TimeLimit = TimeSpan.FromSeconds(limit), Workers = workers });
        var report = ScheduleScorer.Evaluate(instance, r.Meetings);
        Row(name, $"CP-SAT {limit:0.#} s → {r.Status}", r.Score.ToString(CultureInfo.InvariantCulture), r.Bound.ToString(CultureInfo.InvariantCulture), Gap(r.Score, r.Bound), report.Violations.Count.ToString(CultureInfo.InvariantCulture), r.Seconds);
    }
}

if (sets.Contains('a'))
{
    foreach (var (name, instance) in await DemoCities.LoadAsync(quick ? 3 : 9))
    {
        Run(name, instance);
    }
}

if (sets.Contains('b'))
{
    foreach (var seed in quick ? [1] : new[] { 1, 2, 3 })
    {
        Run($"large seed {seed} (10 groups, 5 days, 200 offers, 40 hosts)", Generators.Large(seed));
    }
}

if (sets.Contains('c'))
{
    foreach (var file in quick ? ["50meetings-160timegrains-5rooms.json"] : new[] { "50meetings-160timegrains-5rooms.json", "100meetings-320timegrains-5rooms.json" })
    {
        var problem = TimefoldProblem.Load(Path.Combine(dataDir, file));
        var name = $"timefold {problem.Meetings.Length} meetings";
        if (file.StartsWith("50", StringComparison.Ordinal))
        {
            Row(name, "Timefold 5 s (their smoke-test reference)", "-9hard/-442medium/-9375soft", "—", "—", "some (-9 hard)", 5);
        }

        var greedy = TimefoldSolver.Greedy(problem);
        var gs = TimefoldScorer.Score(problem, greedy.Start, greedy.Room);
        Row(name, "greedy (earliest fit, fewest clashes)", gs.ToString(), "—", "—", gs.HardViolations.ToString(CultureInfo.InvariantCulture), greedy.Seconds);
        var result = TimefoldSolver.Solve(problem, TimeSpan.FromSeconds(tfLimit), workers);
        var s = TimefoldScorer.Score(problem, result.Start, result.Room);
        Row(name, $"CP-SAT {tfLimit:0.#} s → {result.Status}", s.ToString(), result.BoundText, "—", s.HardViolations.ToString(CultureInfo.InvariantCulture), result.Seconds);
    }
}
Console.WriteLine();
Console.WriteLine("* greedy bound: Σ value of offers that have a possible start, at most maxMeetings × days per group (not proven by search).");
if (sets.Contains('c'))
{
    Console.WriteLine("Timefold rows: score by Timefold's own constraints and weights (hard/medium/soft); hard violations = matches of hard constraints. The CP-SAT bound is a lower bound on the medium penalty only.");
}