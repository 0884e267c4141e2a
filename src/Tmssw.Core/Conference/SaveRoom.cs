using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>Staff add a room of the venue or change its name and capacity (seats). Audited.</summary>
public sealed class SaveRoom(TmsswDbContext db, AuditLog audit)
{
    public const int MaxCapacity = 100_000;

    public async Task<AgendaChangeOutcome> RunAsync(UserScope scope, int year, int? id, string name, int capacity, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var room = id is { } existing
            ? await db.ConferenceRooms.FirstOrDefaultAsync(r => r.Id == existing && r.EditionId == editionId, ct) ?? throw new OutOfScopeException($"room #{existing}")
            : new ConferenceRoom { EditionId = editionId };
        var clean = name?.Trim() ?? "";
        string? error = null;
        if (clean.Length is 0 or > 100)
        {
            error = "Give the room a name (up to 100 characters).";
        }
        else if (capacity is < 1 or > MaxCapacity)
        {
            error = "A room seats between 1 and 100,000 people.";
        }
        else if (await db.ConferenceRooms.AnyAsync(r => r.EditionId == editionId && r.Name == clean && r.Id != room.Id, ct))
        {
            error = $"There is already a room called “{clean}”.";
        }

        if (error is not null)
        {
            return new(Result.Fail(error), null, await AgendaEditing.WarningsAsync(db, editionId, ct));
        }

        var before = id is null ? null : new Dictionary<string, string?> { ["name"] = room.Name, ["capacity"] = room.Capacity.ToString(CultureInfo.InvariantCulture) };
        if (id is null)
        {
            room.Position = await db.ConferenceRooms.Where(r => r.EditionId == editionId).Select(r => (int?)r.Position).MaxAsync(ct) + 1 ?? 0;
            db.ConferenceRooms.Add(room);
        }

        room.Name = clean;
        room.Capacity = capacity;
        await db.SaveChangesAsync(ct);
        audit.Record(scope.Actor, before is null ? "RoomAdded" : "RoomChanged", "ConferenceRoom", room.Id.ToString(CultureInfo.InvariantCulture),
            AuditLog.Diff(before ?? [], new Dictionary<string, string?> { ["name"] = room.Name, ["capacity"] = room.Capacity.ToString(CultureInfo.InvariantCulture) }));
        await db.SaveChangesAsync(ct);
        return new(Result.Ok, null, await AgendaEditing.WarningsAsync(db, editionId, ct));
    }
}
