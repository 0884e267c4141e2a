using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Alumni;

public sealed record InvitableAlumnus(int ParticipantId, string Name, string Country, int Edition, bool Invited, bool HasAccount);

/// <summary>
/// Staff's list of an edition's alumni (Completed participants) with whether each has an account or an
/// open invitation. Any Staff member may invite (alumni relations span editions).
/// </summary>
public sealed class ListInvitableAlumni(TmsswDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<InvitableAlumnus>> RunAsync(UserScope scope, int year, CancellationToken cancellationToken = default)
    {
        if (!scope.MayModerateAlumni)
        {
            throw new OutOfScopeException("alumni invitations");
        }

        var now = clock.GetUtcNow();
        return await (from p in db.Participants.AsNoTracking()
                      join e in db.Editions on p.EditionId equals e.Id
                      where e.Year == year && p.Status == NominationStatus.Completed
                      orderby p.FamilyName, p.GivenName, p.Id
                      select new InvitableAlumnus(
                          p.Id,
                          p.GivenName + " " + p.FamilyName,
                          p.Country,
                          e.Year,
                          db.AlumniInvitations.Any(i => i.ParticipantId == p.Id && i.UsedAt == null && i.ExpiresAt > now),
                          db.Users.Any(u => u.ParticipantId == p.Id && u.PasswordHash != null)))
            .Take(1000).ToListAsync(cancellationToken);
    }
}
