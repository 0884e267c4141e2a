using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// A city group's itinerary as the viewer sees it, with whose feed the viewer may manage from it
/// (null: none) and whether it is a Host's view of the group only while it is in the city.
/// </summary>
public sealed record CityItinerary(Itinerary Itinerary, FeedOwner? FeedOwner, bool OnlyInCity);

/// <summary>
/// Someone opens a city group's itinerary: the group's Interpreter sees it as theirs, the city's Host
/// only the days in the city (<see cref="UserScope.SeesGroupOnlyInCity"/>), the edition's runners and
/// the group's Participants the whole of it. <see cref="GetItinerary"/> refuses anyone else. Null when
/// the edition has no group in the city.
/// </summary>
public sealed class GetCityItinerary(TmsswDbContext db, GetItinerary itineraries)
{
    public async Task<CityItinerary?> RunAsync(UserScope scope, Edition edition, string cityId, CancellationToken cancellationToken = default)
    {
        var year = edition.Year;
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == edition.Id && g.CityId == cityId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        if (scope.MaySeeInterpreterItinerary(edition.Id, group.Id) && !scope.RunsEdition(edition.Id))
        {
            var own = await itineraries.ForInterpreterAsync(scope, year, group.Id, cancellationToken);
            return new CityItinerary(own, FeedOwner.Interpreter(year, group.Id), OnlyInCity: false);
        }

        var itinerary = await itineraries.ForGroupAsync(scope, year, cityId, cancellationToken);
        if (scope.SeesGroupOnlyInCity(edition.Id, group))
        {
            // A Host user's feed is the host view of its city (the same for every host organization there).
            var hostId = await db.HostOrganizations.AsNoTracking().Where(h => h.CityId == cityId).OrderBy(h => h.Id).Select(h => (int?)h.Id).FirstOrDefaultAsync(cancellationToken);
            return new CityItinerary(itinerary, hostId is { } h ? FeedOwner.Host(year, h) : null, OnlyInCity: true);
        }

        return new CityItinerary(itinerary, scope.RunsEdition(edition.Id) ? FeedOwner.Group(year, cityId) : null, OnlyInCity: false);
    }
}
