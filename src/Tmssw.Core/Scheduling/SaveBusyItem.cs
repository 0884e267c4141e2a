using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Scheduling;

/// <summary>
/// Adds or removes a fixed item of a group's week (arrival, home hospitality, a site visit) that no
/// meeting may overlap. Once a group has any item recorded, the default arrival morning no longer
/// applies. Audited.
/// </summary>
public sealed class SaveBusyItem(TmsswDbContext db, BuildScheduleInstance build, AuditLog audit)
{
    public async Task<Result> AddAsync(int year, string cityId, string? label, DateOnly day, TimeOnly from, TimeOnly to, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var (source, error) = await build.LoadAsync(year, cityId, cancellationToken);
        if (source is null)
        {
            return Result.Fail(error!);
        }

        label = label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 200)
        {
            return Result.Fail("Name the item (up to 200 characters), e.g. Arrival or Site visit.");
        }

        if (!source.Days.Contains(day))
        {
            return Result.Fail($"{day:ddd MMM d} is not a program day.");
        }

        if (to <= from)
        {
            return Result.Fail("The item must end after it starts.");
        }

        if (source.BusyIsDefault)
        {
            // The default arrival becomes a real item, so adding another does not silently drop it.
            db.GroupBusyItems.AddRange(source.Busy.Select(b => new GroupBusyItem { GroupId = b.GroupId, Label = b.Label, Start = b.Start, End = b.End }));
        }

        var item = new GroupBusyItem { GroupId = source.Group.Id, Label = label, Start = day.ToDateTime(from), End = day.ToDateTime(to) };
        db.GroupBusyItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "BusyItemAdded", "Group", source.Group.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("item", null, $"{label} {item.Start:yyyy-MM-dd HH:mm}–{item.End:HH:mm}")]);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }

    public async Task<Result> RemoveAsync(int year, string cityId, int itemId, UserScope scope, CancellationToken cancellationToken = default)
    {
        await scope.EnsureMayEditWeekAsync(db, year, cityId, cancellationToken);
        var actor = scope.Actor;
        var (source, error) = await build.LoadAsync(year, cityId, cancellationToken);
        if (source is null)
        {
            return Result.Fail(error!);
        }

        var item = await db.GroupBusyItems.FirstOrDefaultAsync(b => b.Id == itemId && b.GroupId == source.Group.Id, cancellationToken);
        if (item is null)
        {
            return Result.Fail("There is no such fixed item in this group's week.");
        }

        db.GroupBusyItems.Remove(item);
        audit.Record(actor, "BusyItemRemoved", "Group", source.Group.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("item", $"{item.Label} {item.Start:yyyy-MM-dd HH:mm}–{item.End:HH:mm}", null)]);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
