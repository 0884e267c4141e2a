using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Partners;

/// <summary>A group's stay in its city, as local calendar days there, and where the dates come from.</summary>
public sealed record GroupStay(DateOnly Arrival, DateOnly Departure, string Source);

/// <summary>
/// When a group arrives in and leaves its city. Arrival is the check-in day of the group's hotel stay in
/// that city (a <see cref="Lodging"/> of the city split for the group, not cancelled: the earliest check-in),
/// and departure its check-out day (the latest check-out); both are local days in the city. Without such a
/// stay, the city split phase's first and last days for that city stand in. Moving the group's hotel stay
/// (<see cref="SaveLodging"/>) is what moves its dates, and with them its open countdown tasks.
/// </summary>
public static class GroupDates
{
    public static async Task<GroupStay?> OfAsync(TmsswDbContext db, Group group, CancellationToken ct)
    {
        var stays = await db.Lodgings.AsNoTracking()
            .Where(l => l.EditionId == group.EditionId && !l.Cancelled && l.Phase == PhaseKind.CitySplit
                && l.Audience == Audience.Group && l.GroupId == group.Id && l.CityId == group.CityId)
            .Select(l => new { l.CheckIn, l.CheckOut })
            .ToListAsync(ct);
        if (stays.Count > 0)
        {
            return new GroupStay(stays.Min(s => s.CheckIn), stays.Max(s => s.CheckOut), "hotel stay");
        }

        var phases = await db.Phases.AsNoTracking().Where(p => p.EditionId == group.EditionId && p.Kind == PhaseKind.CitySplit).ToListAsync(ct);
        var phase = phases.FirstOrDefault(p => p.CityIds.Contains(group.CityId));
        return phase?.StartDate is { } start && phase.EndDate is { } end ? new GroupStay(start, end, "city split dates") : null;
    }
}
