using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Partners;

public sealed record SavedHome(string HouseholdName, string? Address, IReadOnlyList<string> Guests, IReadOnlyList<string> InterpreterLanguages);

/// <summary>A group's saved home-hospitality evening, as the group's week and the hospitality page show it.</summary>
public sealed record SavedEvening(DateTime Start, DateTime End, DateTimeOffset SavedAt, string SavedBy, IReadOnlyList<SavedHome> Homes);

/// <summary>
/// The saved evening of a city group, for whoever reaches the group's week (<see cref="UserScope.WeekAccessAsync"/>):
/// the runners and the city's partner, and the group's interpreter and participants. Null when none is saved.
/// </summary>
public sealed class GetHospitalityEvening(TmsswDbContext db)
{
    public async Task<SavedEvening?> RunAsync(UserScope scope, int year, string cityId, CancellationToken ct = default)
    {
        if (await PartnerEditions.IdAsync(db, year, ct) is not { } editionId)
        {
            return null;
        }

        if (await scope.WeekAccessAsync(db, editionId, cityId, ct) == WeekAccess.None)
        {
            throw new OutOfScopeException($"home hospitality in {cityId}");
        }

        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == editionId && g.CityId == cityId, ct);
        var evening = group is null ? null : await db.HospitalityEvenings.AsNoTracking().Include(e => e.Homes).FirstOrDefaultAsync(e => e.GroupId == group.Id, ct);
        if (evening is null)
        {
            return null;
        }

        var householdIds = evening.Homes.Select(h => h.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var peopleIds = evening.Homes.SelectMany(h => h.ParticipantIds).ToList();
        var names = await db.Participants.AsNoTracking().Where(p => peopleIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName }).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return new SavedEvening(evening.Start, evening.End, evening.SavedAt, evening.SavedBy,
            [.. evening.Homes.OrderBy(h => households[h.HouseholdId].Name).Select(h => new SavedHome(
                households[h.HouseholdId].Name, households[h.HouseholdId].Address,
                [.. h.ParticipantIds.Select(p => names.GetValueOrDefault(p, $"#{p}"))],
                h.InterpreterLanguages))]);
    }
}
