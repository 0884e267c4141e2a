using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// Marks a group's week as published: from then on the city's hosts, the group's interpreter and its
/// participants see it. Refused while the week is empty or breaks a hard rule. Audited.
/// </summary>
public sealed class PublishSchedule(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit, TimeProvider clock, Mail.Outbox outbox)
{
    public async Task<Result> RunAsync(int year, string cityId, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var (built, error) = await build.RunAsync(year, cityId, cancellationToken);
        if (built is null)
        {
            return Result.Fail(error!);
        }

        if (!built.Source.Active.Any())
        {
            return Result.Fail("The week has no meetings yet; run the scheduler first.");
        }

        var report = WeekConflicts.Evaluate(built);
        if (!report.IsValid)
        {
            return Result.Fail("Resolve the conflicts before publishing: " + string.Join("; ", report.Violations.Select(v => v.Message)) + ".");
        }

        var groupId = built.Source.Group.Id;
        var now = clock.GetUtcNow();
        var publication = await db.SchedulePublications.FindAsync([groupId], cancellationToken);
        var before = publication?.PublishedAt.ToString("O", CultureInfo.InvariantCulture);
        if (publication is null)
        {
            db.SchedulePublications.Add(new SchedulePublication { GroupId = groupId, PublishedAt = now, PublishedBy = actor.Name });
        }
        else
        {
            publication.PublishedAt = now;
            publication.PublishedBy = actor.Name;
        }

        audit.Record(actor, "SchedulePublished", "Group", groupId.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("publishedAt", before, now.ToString("O", CultureInfo.InvariantCulture))]);
        var members = await db.Participants.Where(p => p.GroupId == groupId
            && p.Status != Participants.NominationStatus.Withdrawn && p.Status != Participants.NominationStatus.Declined).ToListAsync(cancellationToken);
        await outbox.AddForAsync(members, publication is null ? Mail.MailTemplate.SchedulePublished : Mail.MailTemplate.ScheduleChanged,
            $"week in {built.Source.City.Name} published by {actor.Name}",
            (_, _) => new Dictionary<string, string?> { ["city"] = built.Source.City.Name }, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await FaultPoints.PauseIfAskedAsync(FaultPoints.SchedulePublish, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Ok;
    }
}
