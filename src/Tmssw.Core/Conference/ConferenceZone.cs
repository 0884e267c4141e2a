using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Conference;

/// <summary>The conference's time zone: its phase's city (New York in the demo), which session times are local to.</summary>
internal static class ConferenceZone
{
    public const string Fallback = "America/New_York";

    public static async Task<TimeZoneInfo> OfAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var cities = await db.Phases.AsNoTracking().Where(p => p.EditionId == editionId && p.Kind == PhaseKind.Conference)
            .Select(p => p.CityIds).FirstOrDefaultAsync(ct);
        var city = cities?.FirstOrDefault();
        var zone = city is null ? null : await db.Cities.AsNoTracking().Where(c => c.Id == city).Select(c => c.TimeZone).FirstOrDefaultAsync(ct);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone ?? Fallback, out var info) ? info : TimeZoneInfo.Utc;
    }
}
