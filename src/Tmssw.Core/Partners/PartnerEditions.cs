using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Partners;

/// <summary>An edition by year, for the partners' use cases (null when there is none).</summary>
internal static class PartnerEditions
{
    public static Task<int?> IdAsync(TmsswDbContext db, int year, CancellationToken ct) =>
        db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
}
