namespace Tmssw.Core.Jobs;

public enum JobRunState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One long piece of work a person started (a split run, a re-plan, a scheduler run): its state and
/// progress, kept in the database so every app instance shows the same thing and a restart loses
/// nothing. Quartz (Web/Jobs) runs it; this row is what people see.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; }

    /// <summary>What runs: <see cref="JobKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>At most one run with the same key is running at once (e.g. "split:edition:5").</summary>
    public string LockKey { get; set; } = "";

    public string Title { get; set; } = "";
    public string OwnerUserId { get; set; } = "";
    public JobRunState State { get; set; }

    /// <summary>0–100: the solver's time used against its limit, 100 when done.</summary>
    public int Percent { get; set; }

    /// <summary>In words: "queued", "solving", "saving", "done"…</summary>
    public string Phase { get; set; } = "queued";

    /// <summary>The latest progress line (a solver's score, or the outcome in words).</summary>
    public string? Message { get; set; }

    /// <summary>The latest progress line is an outcome the person must act on.</summary>
    public bool MessageIsProblem { get; set; }

    /// <summary>The improving solutions so far, as JSON (<see cref="JobProgressLine"/>[]), the last few only.</summary>
    public string? ProgressJson { get; set; }

    /// <summary>Where the person goes when it is done.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>Why it failed, in words.</summary>
    public string? Error { get; set; }

    /// <summary>The run's inputs as JSON; the job reads them back.</summary>
    public string Parameters { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The running instance writes this every few seconds; a stale one means it died.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>The Quartz instance that runs (or last ran) it.</summary>
    public string? Instance { get; set; }

    /// <summary>How many times it was started: more than one means it was taken up again after a crash.</summary>
    public int Attempts { get; set; }
}

/// <summary>One improving solution a solver reported.</summary>
public sealed record JobProgressLine(string Message, long? Score, long? Bound, double Seconds);

public static class JobKinds
{
    public const string Split = "split";
    public const string Replan = "replan";
    public const string Schedule = "schedule";
}
