using System.Collections.Concurrent;

namespace Tmssw.Web.Jobs;

/// <summary>One progress report of a long-running job: a solver's improving solution, or a step.</summary>
/// <summary>A line of a job's progress; <see cref="IsProblem"/> marks an outcome the person must act on (shown as an error).</summary>
public sealed record JobProgress(string Message, long? Score = null, long? Bound = null, double Seconds = 0, bool IsProblem = false);

public enum JobState
{
    Running,
    Done,
    Failed,
}

/// <summary>A long-running piece of work a person started from a page, with its progress so far.</summary>
public sealed class SolverJob
{
    private readonly ConcurrentQueue<JobProgress> progress = new();

    public Guid Id { get; } = Guid.NewGuid();
    public required string Title { get; init; }
    public required string OwnerUserId { get; init; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public JobState State { get; internal set; } = JobState.Running;

    /// <summary>Where the person goes when the job is done (the saved plan or schedule).</summary>
    public string? ResultUrl { get; internal set; }

    public string? Error { get; internal set; }
    public CancellationTokenSource Cancellation { get; } = new();

    public IReadOnlyList<JobProgress> Progress => [.. progress];

    public JobProgress? Latest => progress.LastOrDefault();

    internal void Report(JobProgress p) => progress.Enqueue(p);
}

/// <summary>
/// Runs solver work in the background so a page can show its progress and return at once. Each
/// job gets its own service scope (its own database context). Jobs live in this process's memory:
/// with several app instances, a person's polling must reach the instance that runs the job
/// (sticky sessions), which docs/operations.md notes.
/// </summary>
public sealed class SolverJobs(IServiceScopeFactory scopes, ILogger<SolverJobs> logger)
{
    private readonly ConcurrentDictionary<Guid, SolverJob> jobs = new();

    /// <summary>Starts <paramref name="work"/>, which returns the URL of its result.</summary>
    public SolverJob Start(string ownerUserId, string title, Func<IServiceProvider, IProgress<JobProgress>, CancellationToken, Task<string>> work)
    {
        var job = new SolverJob { OwnerUserId = ownerUserId, Title = title };
        jobs[job.Id] = job;
        Forget();
        _ = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                job.ResultUrl = await work(scope.ServiceProvider, new Progress(job), job.Cancellation.Token);
                job.State = JobState.Done;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Job {Title} failed", title);
                job.Error = e is OperationCanceledException ? "Cancelled." : "The job failed: " + e.Message;
                job.State = JobState.Failed;
            }
        });
        return job;
    }

    /// <summary>A job of this person's, or null: another person's job is not found.</summary>
    public SolverJob? Get(Guid id, string userId) =>
        jobs.TryGetValue(id, out var job) && job.OwnerUserId == userId ? job : null;

    /// <summary>Waits for a job to end; for tests and the CLI.</summary>
    public static async Task WaitAsync(SolverJob job, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (job.State == JobState.Running && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
    }

    private void Forget()
    {
        foreach (var (id, job) in jobs)
        {
            if (job.State != JobState.Running && job.StartedAt < DateTimeOffset.UtcNow.AddHours(-2))
            {
                jobs.TryRemove(id, out _);
            }
        }
    }

    // Progress<T> posts to the thread pool and may reorder; this records reports synchronously.
    private sealed class Progress(SolverJob job) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => job.Report(value);
    }
}
