using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Participants;

/// <summary>A participant's own record, their group's name and their fellow members (names and countries only).</summary>
public sealed record OwnProfile(Participant Participant, string? GroupName, IReadOnlyList<RosterLine> GroupMates);

/// <summary>A Participant opens their profile: their own record only, never anyone else's.</summary>
public sealed class GetOwnProfile(TmsswDbContext db)
{
    /// <summary>The caller's own profile, or null when the account is linked to no participant record.</summary>
    public async Task<OwnProfile?> RunAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.ParticipantId is not { } ownId)
        {
            return null;
        }

        var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == ownId, cancellationToken);
        if (p is null)
        {
            return null;
        }

        if (p.GroupId is not { } groupId)
        {
            return new OwnProfile(p, null, []);
        }

        var groupName = await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        var mates = await db.Participants.AsNoTracking()
            .Where(x => x.GroupId == groupId && x.Id != p.Id)
            .OrderBy(x => x.FamilyName)
            .Select(x => new { Name = x.GivenName + " " + x.FamilyName, x.Country })
            .ToListAsync(cancellationToken);
        return new OwnProfile(p, groupName, mates.Select(m => new RosterLine(m.Name, m.Country)).ToList());
    }
}
