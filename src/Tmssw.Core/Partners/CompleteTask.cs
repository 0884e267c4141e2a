using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Partners;

/// <summary>
/// A partner (its city's tasks) or staff mark a task done, or open it again; reopening puts it back on
/// its group's current dates.
/// </summary>
public sealed class CompleteTask(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result> RunAsync(UserScope scope, int year, int taskId, bool done = true, CancellationToken ct = default)
    {
        var editionId = await PartnerEditions.IdAsync(db, year, ct) ?? throw new OutOfScopeException($"edition {year}");
        var task = await db.PartnerTasks.FirstOrDefaultAsync(t => t.Id == taskId && t.EditionId == editionId, ct);
        if (task is null || !scope.MaySeePartnerWork(editionId, task.CityId))
        {
            throw new OutOfScopeException($"task #{taskId}");
        }

        if (task.IsDone == done)
        {
            return Result.Fail(done ? "The task is already done." : "The task is not done.");
        }

        task.DoneAt = done ? clock.GetUtcNow() : null;
        task.DoneBy = done ? scope.Name : null;
        if (!done && await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == task.GroupId, ct) is { } group
            && await GroupDates.OfAsync(db, group, ct) is { } stay)
        {
            Countdown.Anchor(task, stay);
        }

        audit.Record(scope.Actor, done ? "done" : "reopen", "PartnerTask", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("done", done ? null : "yes", done ? "yes" : null)]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
