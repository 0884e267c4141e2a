namespace Tmssw.Web.Jobs;

/// <summary>
/// How many solver runs may run at once across every instance (<c>Jobs:MaxConcurrentSolvers</c>; default
/// one per two cores of this machine; give every instance the same value), and when a running one
/// whose instance stopped writing its heartbeat counts as dead.
/// </summary>
public sealed record JobLimits(int MaxConcurrentSolvers)
{
    /// <summary>A running job writes its heartbeat every <see cref="Heartbeat"/>.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>A running job without a heartbeat for this long no longer holds its place.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>A job taken up again this many times after crashes is failed instead.</summary>
    public const int MaxAttempts = 3;

    /// <summary>A queued job tries for its place this often.</summary>
    public static readonly TimeSpan QueuePoll = TimeSpan.FromSeconds(2);

    public static JobLimits From(IConfiguration configuration) =>
        new(Math.Max(1, configuration.GetValue("Jobs:MaxConcurrentSolvers", Math.Max(1, Environment.ProcessorCount / 2))));
}
