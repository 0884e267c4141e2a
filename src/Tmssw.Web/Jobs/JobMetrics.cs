using System.Diagnostics.Metrics;

namespace Tmssw.Web.Jobs;

/// <summary>
/// The jobs' metrics under the meter "Tmssw.Jobs" (exported with every "Tmssw.*" meter): runs started,
/// finished and failed by kind, and the seconds each solver run took.
/// </summary>
public static class JobMetrics
{
    public const string MeterName = "Tmssw.Jobs";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("tmssw.jobs.started", "{job}", "Solver runs started (again after a crash counts again)");
    private static readonly Counter<long> Finished = Meter.CreateCounter<long>("tmssw.jobs.finished", "{job}", "Solver runs that ended with a result");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("tmssw.jobs.failed", "{job}", "Solver runs that failed, with their reason kept");
    private static readonly Histogram<double> SolverSeconds = Meter.CreateHistogram<double>("tmssw.jobs.solver.duration", "s", "Seconds a solver run took");

    public static void RecordStarted(string kind) => Started.Add(1, Kind(kind));

    public static void RecordFinished(string kind, TimeSpan took)
    {
        Finished.Add(1, Kind(kind));
        SolverSeconds.Record(took.TotalSeconds, Kind(kind));
    }

    public static void RecordFailed(string kind) => Failed.Add(1, Kind(kind));

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
