using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tmssw.Planning;

namespace Tmssw.Core;

/// <summary>
/// The solvers' meter, <c>Tmssw.Solvers</c>: how long each solve took (<c>tmssw.solver.duration</c>, seconds,
/// by <c>kind</c> split or schedule and <c>outcome</c> the planning status), wherever it runs (a web job, the
/// CLI, the demo). The web app exports every <c>Tmssw.*</c> meter at /metrics.
/// </summary>
public static class SolverMetrics
{
    public const string MeterName = "Tmssw.Solvers";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "tmssw.solver.duration", unit: "s", description: "Time a solver ran, by kind and outcome.");

    /// <summary>Runs the solve and records its time and outcome.</summary>
    public static T Measure<T>(string kind, Func<T> solve, Func<T, PlanningStatus> status)
    {
        var start = Stopwatch.GetTimestamp();
        var outcome = "Error";
        try
        {
            var result = solve();
            outcome = status(result).ToString();
            return result;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
