using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Participants;

/// <summary>Shows a participant's sensitive values to Admin or assigned Staff, and records that they were seen.</summary>
public sealed class RevealSensitive(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit)
{
    public async Task<SensitiveValues?> RunAsync(UserScope scope, int participantId, CancellationToken cancellationToken = default)
    {
        var p = await scope.Participants(db).FirstOrDefaultAsync(x => x.Id == participantId, cancellationToken);
        if (p is null || !scope.MaySeeSensitive(p.EditionId))
        {
            return null;
        }

        audit.Record(scope.Actor, "Revealed", nameof(Participant), p.Id.ToString(CultureInfo.InvariantCulture),
            [new("Fields", null, "PassportNumber, DateOfBirth, PersonalEmail, PersonalPhone")]);
        await db.SaveChangesAsync(cancellationToken);
        return sensitive.Read(p);
    }
}
