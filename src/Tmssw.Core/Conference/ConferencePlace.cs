using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Conference;

/// <summary>
/// Where the conference happens: the venue of the program's conference phase (its first item with
/// an address), else New York. Sessions are local times in <see cref="TimeZone"/>.
/// </summary>
public sealed record ConferencePlace(string TimeZone, string? VenueName, string? Address, double? Latitude, double? Longitude, string? CityId, string? CityName)
{
    public const string Name = "Combating Transnational Crime Global Cooperation Conference";

    public static ConferencePlace From(IEnumerable<ProgramItem> items)
    {
        var venue = items.Where(i => i.Phase == PhaseKind.Conference && !i.Cancelled && i.Address is not null).OrderBy(i => i.Start).FirstOrDefault();
        var city = CityCatalog.All.FirstOrDefault(c => c.Id == (venue?.CityId ?? "new-york"));
        return new(
            venue?.TimeZone ?? city?.TimeZone ?? "America/New_York",
            venue?.VenueName,
            venue?.Address,
            venue?.Latitude ?? city?.Latitude,
            venue?.Longitude ?? city?.Longitude,
            city?.Id,
            city?.DisplayName);
    }

    public static async Task<ConferencePlace> LoadAsync(TmsswDbContext db, int editionId, CancellationToken ct) =>
        From(await db.ProgramItems.AsNoTracking().Where(i => i.EditionId == editionId && i.Phase == PhaseKind.Conference).ToListAsync(ct));

    /// <summary>A published (or draft) session as an itinerary and calendar entry; its UID is stable (<c>conference-{id}</c>).</summary>
    public ItineraryEntry Entry(SnapshotSession s, AgendaSnapshot agenda, string? interpreter = null)
    {
        var place = string.Join(", ", new[] { VenueName, s.RoomName }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var people = s.Speakers
            .Select(x => (agenda.Speaker(x.SpeakerId), x.Role))
            .Where(x => x.Item1 is not null)
            .Select(x => x.Role == SpeakerRole.Moderator ? $"{x.Item1!.Name} (moderator)" : x.Item1!.Name)
            .ToList();
        var description = string.Join(" ", new[]
        {
            Name + ".",
            s.Kind == SessionKind.Plenary ? "Plenary." : s.Track is null ? null : $"Track: {s.Track}.",
            people.Count == 0 ? null : $"With {string.Join(", ", people)}.",
            s.Description,
        }.Where(x => !string.IsNullOrWhiteSpace(x)));
        return new ItineraryEntry(
            $"conference-{s.Id}", ItineraryEntryKind.ConferenceSession, s.Title, s.Start, s.End, TimeZone, null,
            place.Length == 0 ? null : place, Address, Latitude, Longitude, CityName, description, null, interpreter, s.Sequence, s.Cancelled);
    }
}
