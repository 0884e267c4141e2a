using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Jobs;

namespace Tmssw.Web.Jobs;

/// <summary>
/// Runs one <see cref="JobRun"/>: claims a place (at most <see cref="JobLimits.MaxConcurrentSolvers"/>
/// running across the cluster, one per lock key, in the order they were queued), runs the kind's <see cref="ISolverWork"/> as the
/// person who started it, writes progress and a heartbeat to the row every second, and records the
/// result or the failure's reason. A run whose instance died is taken up again (Quartz recovery) up to
/// <see cref="JobLimits.MaxAttempts"/> times, then failed with its reason.
/// </summary>
public sealed class JobRunner(
    TmsswDbContext db,
    IServiceScopeFactory scopes,
    IEnumerable<ISolverWork> works,
    JobLimits limits,
    TimeProvider clock,
    ILogger<JobRunner> log)
{
    public enum Outcome
    {
        Finished,
        Wait,
    }

    public async Task<Outcome> RunAsync(Guid runId, string instance, bool recovering, CancellationToken stopping)
    {
        var claim = await ClaimAsync(runId, instance, recovering, stopping);
        if (claim is null)
        {
            return Outcome.Finished;
        }

        if (claim == false)
        {
            return Outcome.Wait;
        }

        var run = await db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId, stopping);
        JobMetrics.RecordStarted(run.Kind);
        var work = works.FirstOrDefault(w => w.Kind == run.Kind);
        var owner = await OwnerScopeAsync(run.OwnerUserId, stopping);
        if (work is null || owner is null)
        {
            await FinishAsync(runId, null, work is null ? $"Unknown kind of job: {run.Kind}." : "The account that started this job no longer exists or is locked.");
            JobMetrics.RecordFailed(run.Kind);
            return Outcome.Finished;
        }

        var progress = new ProgressBuffer();
        var clockWatch = Stopwatch.StartNew();
        using var beat = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(runId, progress, work.ExpectedSeconds(run), beat.Token);
        try
        {
            var result = await work.RunAsync(owner, run, progress, stopping);
            beat.Cancel();
            await heartbeat;
            await FinishAsync(runId, result, null, progress);
            JobMetrics.RecordFinished(run.Kind, clockWatch.Elapsed);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // This instance is shutting down: Quartz hands the firing back for recovery (RecoverFiringsCancelledByShutdown),
            // so another instance, or this one restarted, takes the run up again.
            beat.Cancel();
            await heartbeat;
            throw;
        }

        catch (Exception e)
        {
            beat.Cancel();
            await heartbeat;
            log.LogError(e, "Job {Title} ({Id}) failed", run.Title, runId);
            await FinishAsync(runId, null, "The job failed: " + e.Message, progress);
            JobMetrics.RecordFailed(run.Kind);
        }

        return Outcome.Finished;
    }

    /// <summary>True: claimed; false: wait for a place; null: nothing to do (finished, failed or gone).</summary>
    private async Task<bool?> ClaimAsync(Guid runId, string instance, bool recovering, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // One claim at a time across the cluster, so two instances cannot both take the last place.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7150215)", ct);
        }

        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.State is JobRunState.Done or JobRunState.Failed)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var fresh = now - JobLimits.StaleAfter;
        if (run.State == JobRunState.Running)
        {
            if (!recovering && run.HeartbeatAt >= fresh)
            {
                return null; // running elsewhere, alive
            }

            if (run.Attempts >= JobLimits.MaxAttempts)
            {
                Fail(run, now, $"The instance running this job stopped {run.Attempts} times; it was not started again.");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                JobMetrics.RecordFailed(run.Kind);
                return null;
            }

            log.LogWarning("Job {Id} was running on {Old}, which stopped; taken up again on {New}", runId, run.Instance, instance);
        }
        else
        {
            var running = await db.JobRuns.Where(r => r.State == JobRunState.Running && r.HeartbeatAt >= fresh)
                .Select(r => r.LockKey).ToListAsync(ct);
            var free = limits.MaxConcurrentSolvers - running.Count;
            var samePlanRunning = running.Contains(run.LockKey);

            // First come, first served, as the queue positions people see promise: the free places go to the
            // earlier queued runs that could start now (one waiting for its own plan to finish cannot).
            var ahead = free > 0 && !samePlanRunning
                ? await db.JobRuns.CountAsync(r => r.State == JobRunState.Queued && r.CreatedAt < run.CreatedAt && !running.Contains(r.LockKey), ct)
                : 0;
            if (samePlanRunning || free <= ahead)
            {
                run.Phase = samePlanRunning ? "queued: same plan being solved" : "queued";
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return false;
            }
        }

        run.State = JobRunState.Running;
        run.Phase = run.Attempts > 0 ? "taken up again" : "starting";
        run.StartedAt ??= now;
        run.HeartbeatAt = now;
        run.Instance = instance;
        run.Attempts++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task HeartbeatAsync(Guid runId, ProgressBuffer progress, double expectedSeconds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(JobLimits.Heartbeat);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var percent = expectedSeconds > 0 ? (int)Math.Clamp(watch.Elapsed.TotalSeconds * 100 / expectedSeconds, 0, 99) : 0;
                var (message, problem, json) = progress.Snapshot();
                await using var scope = scopes.CreateAsyncScope();
                var beatDb = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
                var now = clock.GetUtcNow();
                await beatDb.JobRuns.Where(r => r.Id == runId && r.State == JobRunState.Running).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.HeartbeatAt, now)
                    .SetProperty(r => r.Percent, percent)
                    .SetProperty(r => r.Phase, "solving")
                    .SetProperty(r => r.Message, message)
                    .SetProperty(r => r.MessageIsProblem, problem)
                    .SetProperty(r => r.ProgressJson, json), CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // the work ended
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not write job {Id}'s progress; it goes on", runId);
        }
    }

    private async Task FinishAsync(Guid runId, WorkResult? result, string? error, ProgressBuffer? progress = null)
    {
        db.ChangeTracker.Clear();
        var run = await db.JobRuns.SingleAsync(r => r.Id == runId);
        var now = clock.GetUtcNow();
        if (progress is not null)
        {
            (run.Message, run.MessageIsProblem, run.ProgressJson) = progress.Snapshot();
        }

        if (result is not null)
        {
            run.State = JobRunState.Done;
            run.Phase = "done";
            run.Percent = 100;
            run.ResultUrl = result.ResultUrl;
            run.FinishedAt = now;
            run.HeartbeatAt = now;
        }
        else
        {
            Fail(run, now, error ?? "The job failed.");
        }

        await db.SaveChangesAsync();
    }

    private static void Fail(JobRun run, DateTimeOffset now, string reason)
    {
        run.State = JobRunState.Failed;
        run.Phase = "failed";
        run.Error = reason.Length > 2000 ? reason[..2000] : reason;
        run.FinishedAt = now;
    }

    /// <summary>The person who started the run, with the roles and scope they have now.</summary>
    private async Task<UserScope?> OwnerScopeAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || (user.LockoutEnd is { } end && end > clock.GetUtcNow()))
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new UserScope(user.Id, user.Email ?? user.UserName ?? user.Id, roles.ToHashSet(),
            user.EditionAssignments.Select(a => a.EditionId).ToHashSet(), user.Country, user.CityId, user.GroupId, user.ParticipantId);
    }

    /// <summary>The latest line and the last improving solutions, written to the row by the heartbeat.</summary>
    private sealed class ProgressBuffer : IProgress<JobProgress>
    {
        private const int Kept = 12;
        private readonly Lock gate = new();
        private readonly Queue<JobProgressLine> lines = new();
        private JobProgress? latest;

        public void Report(JobProgress value)
        {
            lock (gate)
            {
                latest = value;
                if (value.Score is not null)
                {
                    lines.Enqueue(new JobProgressLine(value.Message, value.Score, value.Bound, value.Seconds));
                    if (lines.Count > Kept)
                    {
                        lines.Dequeue();
                    }
                }
            }
        }

        public (string? Message, bool Problem, string? Json) Snapshot()
        {
            lock (gate)
            {
                return (latest?.Message is { } m && m.Length > 2000 ? m[..2000] : latest?.Message, latest?.IsProblem == true,
                    lines.Count > 0 ? GetJobProgress.Serialize(lines) : null);
            }
        }
    }
}
