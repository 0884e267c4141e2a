using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Jobs;

/// <summary>What a job's progress page shows; <see cref="QueuePosition"/> is 1 for the next to start.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string Title,
    JobRunState State,
    int Percent,
    string Phase,
    string? Message,
    bool MessageIsProblem,
    IReadOnlyList<JobProgressLine> Lines,
    string? ResultUrl,
    string? Error,
    int? QueuePosition,
    int Attempts)
{
    public bool IsActive => State is JobRunState.Queued or JobRunState.Running;
}

/// <summary>
/// A job's state and progress as every instance sees it (the table, not one process's memory). Only
/// the person who started it sees it: another person's job is out of scope (404).
/// </summary>
public sealed class GetJobProgress(TmsswDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<JobView> RunAsync(UserScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || run.OwnerUserId != scope.UserId)
        {
            throw new OutOfScopeException($"job {id}");
        }

        int? position = null;
        if (run.State == JobRunState.Queued)
        {
            position = 1 + await db.JobRuns.CountAsync(
                r => r.State == JobRunState.Queued && r.CreatedAt < run.CreatedAt,
                cancellationToken);
        }

        var lines = run.ProgressJson is { } json ? JsonSerializer.Deserialize<List<JobProgressLine>>(json, Json) ?? [] : [];
        return new JobView(run.Id, run.Kind, run.Title, run.State, run.Percent, run.Phase, run.Message, run.MessageIsProblem,
            lines, run.ResultUrl, run.Error, position, run.Attempts);
    }

    public static string Serialize(IEnumerable<JobProgressLine> lines) => JsonSerializer.Serialize(lines, Json);
}
