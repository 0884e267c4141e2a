using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Partners;

/// <summary>The countdown's defaults and the two things every countdown use case shares: anchoring and re-anchoring.</summary>
public static class Countdown
{
    /// <summary>The program's usual steps, for an edition whose staff have not edited its own.</summary>
    public static IReadOnlyList<CountdownTemplate> Defaults =>
    [
        new() { SortOrder = 1, Title = "Send meeting requests to hosts", Anchor = TaskAnchor.Arrival, OffsetDays = -38, Owner = TaskOwner.Partner },
        new() { SortOrder = 2, Title = "Confirm meetings with hosts", Anchor = TaskAnchor.Arrival, OffsetDays = -21, Owner = TaskOwner.Partner },
        new() { SortOrder = 3, Title = "Collect dietary needs", Anchor = TaskAnchor.Arrival, OffsetDays = -14, Owner = TaskOwner.Partner },
        new() { SortOrder = 4, Title = "Collect flight details", Anchor = TaskAnchor.Arrival, OffsetDays = -14, Owner = TaskOwner.Partner },
        new() { SortOrder = 5, Title = "Send the final itinerary", Anchor = TaskAnchor.Arrival, OffsetDays = -3, Owner = TaskOwner.Partner },
        new() { SortOrder = 6, Title = "Return the approved itinerary", Anchor = TaskAnchor.Arrival, OffsetDays = -1, Owner = TaskOwner.Staff },
        new() { SortOrder = 7, Title = "Send thank-you notes to hosts", Anchor = TaskAnchor.Departure, OffsetDays = 3, Owner = TaskOwner.Partner },
        new() { SortOrder = 8, Title = "Send feedback surveys", Anchor = TaskAnchor.Departure, OffsetDays = 3, Owner = TaskOwner.Staff },
    ];

    public const int MaxOffsetDays = 365;

    /// <summary>An edition's templates: its own when staff saved some, else the defaults (unsaved, id 0).</summary>
    public static async Task<List<CountdownTemplate>> TemplatesAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var own = await db.CountdownTemplates.AsNoTracking().Where(t => t.EditionId == editionId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        return own.Count > 0 ? own : [.. Defaults.Select(t => { t.EditionId = editionId; return t; })];
    }

    /// <summary>An edition starts from the defaults: they become its own steps the first time its countdown is prepared.</summary>
    public static async Task<List<CountdownTemplate>> EnsureTemplatesAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        if (!await db.CountdownTemplates.AnyAsync(t => t.EditionId == editionId, ct))
        {
            db.CountdownTemplates.AddRange(Defaults.Select(t => { t.EditionId = editionId; return t; }));
            await db.SaveChangesAsync(ct);
        }

        return await TemplatesAsync(db, editionId, ct);
    }

    public static DateOnly AnchorOf(GroupStay stay, TaskAnchor anchor) => anchor == TaskAnchor.Arrival ? stay.Arrival : stay.Departure;

    /// <summary>Puts a task on its group's current dates (open tasks only; a done task keeps what it was done against).</summary>
    public static bool Anchor(PartnerTask task, GroupStay stay)
    {
        if (task.IsDone)
        {
            return false;
        }

        var anchorDate = AnchorOf(stay, task.Anchor);
        var due = anchorDate.AddDays(task.OffsetDays);
        if (task.AnchorDate == anchorDate && task.Due == due)
        {
            return false;
        }

        task.AnchorDate = anchorDate;
        task.Due = due;
        return true;
    }

    /// <summary>
    /// Moves a group's open tasks to its current dates; the caller saves. Called by the use cases that
    /// change a group's dates (<see cref="Itineraries.SaveLodging"/>). Returns how many moved.
    /// </summary>
    public static async Task<int> ReanchorGroupAsync(TmsswDbContext db, int groupId, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null || await GroupDates.OfAsync(db, group, ct) is not { } stay)
        {
            return 0;
        }

        var open = await db.PartnerTasks.Where(t => t.GroupId == groupId && t.DoneAt == null).ToListAsync(ct);
        return open.Count(t => Anchor(t, stay));
    }

    /// <summary>Adds the tasks a group lacks (one per template) and re-anchors its open ones; the caller saves.</summary>
    public static async Task<int> InstantiateAsync(TmsswDbContext db, Group group, IReadOnlyList<CountdownTemplate> templates, CancellationToken ct)
    {
        if (await GroupDates.OfAsync(db, group, ct) is not { } stay)
        {
            return 0;
        }

        var existing = await db.PartnerTasks.Where(t => t.GroupId == group.Id).ToListAsync(ct);
        foreach (var t in existing)
        {
            // An open task follows an edited template.
            if (!t.IsDone && templates.FirstOrDefault(x => x.Id != 0 && x.Id == t.TemplateId) is { } edited)
            {
                (t.Title, t.Anchor, t.OffsetDays, t.Owner) = (edited.Title, edited.Anchor, edited.OffsetDays, edited.Owner);
            }

            Anchor(t, stay);
        }

        var added = 0;
        foreach (var template in templates)
        {
            var known = existing.Any(t => (template.Id != 0 && t.TemplateId == template.Id)
                || (t.Title == template.Title && t.Anchor == template.Anchor && t.OffsetDays == template.OffsetDays));
            if (known)
            {
                continue;
            }

            var task = new PartnerTask
            {
                EditionId = group.EditionId,
                GroupId = group.Id,
                CityId = group.CityId,
                TemplateId = template.Id == 0 ? null : template.Id,
                Title = template.Title,
                Anchor = template.Anchor,
                OffsetDays = template.OffsetDays,
                Owner = template.Owner,
            };
            Anchor(task, stay);
            db.PartnerTasks.Add(task);
            added++;
        }

        return added;
    }

    /// <summary>After a change to a group's hotel stay: its open tasks follow its dates (saved here).</summary>
    public static async Task FollowGroupDatesAsync(TmsswDbContext db, IEnumerable<int?> groupIds, CancellationToken ct)
    {
        var moved = 0;
        foreach (var id in groupIds.OfType<int>().Distinct())
        {
            moved += await ReanchorGroupAsync(db, id, ct);
        }

        if (moved > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
