using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Mail;

/// <summary>A message the caller may review, or out of scope (404).</summary>
internal static class OutboxAccess
{
    public static async Task<OutboxMessage> FindAsync(TmsswDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var m = await db.OutboxMessages.FirstOrDefaultAsync(x => x.Id == id, ct);
        return m is not null && scope.MayReviewMail(m.EditionId) ? m : throw new OutOfScopeException($"message #{id}");
    }
}
