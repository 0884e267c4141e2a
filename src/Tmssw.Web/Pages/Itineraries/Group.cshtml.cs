using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>
/// /manage/{year}/itinerary/{cityId}: a city group's itinerary. The edition's runners see the whole
/// three weeks; the group's Interpreter sees it as theirs; the Host of the city sees the group only
/// while it is in the city; the group's Participants see it with their fellow members' names and
/// countries. "mine" goes to the viewer's own group or city. Anyone else: 404 (the use case decides).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class GroupModel(TmsswDbContext db, CurrentUser current, GetItinerary itineraries) : ItineraryPage(db, current)
{
    public string CityId { get; private set; } = "";

    /// <summary>A Host's view: the group only while it is in the city.</summary>
    public bool OnlyInCity { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string cityId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cityId, cancellationToken) is { } other)
        {
            return other;
        }

        await LoadFeedAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int year, string cityId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cityId, cancellationToken) is { } other)
        {
            return other;
        }

        return await DownloadAsync(FeedOwner ?? Core.Itineraries.FeedOwner.Group(year, CityId), cancellationToken);
    }

    public async Task<IActionResult> OnPostFeedAsync(int year, string cityId, string? change, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cityId, cancellationToken) is { } other)
        {
            return other;
        }

        await ChangeFeedAsync(change, cancellationToken);
        await LoadFeedAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int year, string cityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (cityId == "mine")
        {
            return await Scope.HomeCityAsync(Db, Edition.Id, cancellationToken) is { } home
                ? Redirect($"/manage/{year}/itinerary/{home}")
                : NotFound();
        }

        CityId = cityId.ToLowerInvariant();
        var group = await Db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == Edition.Id && g.CityId == CityId, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        if (Scope.MaySeeInterpreterItinerary(Edition.Id, group.Id) && !Scope.RunsEdition(Edition.Id))
        {
            Itinerary = await itineraries.ForInterpreterAsync(Scope, year, group.Id, cancellationToken);
            FeedOwner = Core.Itineraries.FeedOwner.Interpreter(year, group.Id);
        }
        else if (Scope.SeesGroupOnlyInCity(Edition.Id, group))
        {
            OnlyInCity = true;
            Itinerary = await itineraries.ForGroupAsync(Scope, year, CityId, cancellationToken);

            // A Host user's feed is the host view of its city (the same for every host organization there).
            var hostId = await Db.HostOrganizations.AsNoTracking().Where(h => h.CityId == CityId).OrderBy(h => h.Id).Select(h => (int?)h.Id).FirstOrDefaultAsync(cancellationToken);
            FeedOwner = hostId is { } h ? Core.Itineraries.FeedOwner.Host(year, h) : null;
        }
        else
        {
            Itinerary = await itineraries.ForGroupAsync(Scope, year, CityId, cancellationToken);
            FeedOwner = Scope.RunsEdition(Edition.Id) ? Core.Itineraries.FeedOwner.Group(year, CityId) : null;
        }

        return null;
    }
}
