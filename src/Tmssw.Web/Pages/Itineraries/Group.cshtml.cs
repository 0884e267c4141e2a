using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Scheduling;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>
/// /manage/{year}/itinerary/{cityId}: a city group's itinerary. The edition's runners see the whole
/// three weeks; the group's Interpreter sees it as theirs; the Host of the city sees the group only
/// while it is in the city; the group's Participants see it with their fellow members' names and
/// countries. "mine" goes to the viewer's own group or city. Anyone else: 404 (the use case decides).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class GroupModel(CurrentUser current, GetCityItinerary cityItinerary, FindHomeCity homeCity) : ItineraryPage(current)
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
            return await homeCity.RunAsync(Scope, Edition.Id, cancellationToken) is { } home
                ? Redirect($"/manage/{year}/itinerary/{home}")
                : NotFound();
        }

        CityId = cityId.ToLowerInvariant();
        if (await cityItinerary.RunAsync(Scope, Edition, CityId, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        (Itinerary, FeedOwner, OnlyInCity) = shown;
        return null;
    }
}
