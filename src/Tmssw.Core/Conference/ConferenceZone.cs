using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// The conference's time zone, which session and check-in times are local to: the zone of
/// <see cref="ConferencePlace"/> (the conference venue, else New York), so the door and the agenda agree.
/// </summary>
internal static class ConferenceZone
{
    public static async Task<TimeZoneInfo> OfAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var place = await ConferencePlace.LoadAsync(db, editionId, ct);
        return TimeZoneInfo.TryFindSystemTimeZoneById(place.TimeZone, out var info) ? info : TimeZoneInfo.Utc;
    }
}
