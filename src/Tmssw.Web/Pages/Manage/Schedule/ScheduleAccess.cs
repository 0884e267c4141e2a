using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Splits;

namespace Tmssw.Web.Pages.Manage.Schedule;

/// <summary>What a person may do with one city group's week.</summary>
public enum WeekAccess
{
    /// <summary>Out of reach: the page answers 404.</summary>
    None,

    /// <summary>The group's interpreter and participants: the week once it is published, read-only.</summary>
    ReadPublished,

    /// <summary>Admin, the edition's Staff, and the Host of the group's city: offers, runs, changes, publishing.</summary>
    Edit,
}

/// <summary>
/// Who reaches a group's week: Admin and the edition's Staff every city; a Host only its own city
/// (another city is a 404); an Interpreter only their group's week and a Participant only their own
/// group's, both read-only and only once published.
/// </summary>
public static class ScheduleAccess
{
    public static async Task<WeekAccess> OfAsync(UserScope scope, TmsswDbContext db, int editionId, string cityId, CancellationToken ct)
    {
        if (scope.RunsEdition(editionId))
        {
            return WeekAccess.Edit;
        }

        if (scope.IsHost && string.Equals(scope.CityId, cityId, StringComparison.Ordinal))
        {
            return WeekAccess.Edit;
        }

        var group = await GroupOfAsync(scope, db, editionId, ct);
        return group is not null && group.CityId == cityId ? WeekAccess.ReadPublished : WeekAccess.None;
    }

    /// <summary>The group an Interpreter or a Participant belongs to in the edition, if any.</summary>
    public static async Task<Group?> GroupOfAsync(UserScope scope, TmsswDbContext db, int editionId, CancellationToken ct)
    {
        int? groupId = null;
        if (scope.IsInterpreter && scope.GroupId is { } g)
        {
            groupId = g;
        }
        else if (scope.IsParticipant && scope.ParticipantId is { } p)
        {
            groupId = await db.Participants.AsNoTracking().Where(x => x.Id == p).Select(x => x.GroupId).FirstOrDefaultAsync(ct);
        }

        return groupId is null
            ? null
            : await db.Groups.AsNoTracking().FirstOrDefaultAsync(x => x.Id == groupId && x.EditionId == editionId, ct);
    }
}
