using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>
/// /manage/{year}/participants/{id}/itinerary: one participant's three weeks, for the edition's
/// runners (with the participant's feed address to hand over, regenerate or revoke) and for the
/// participant themself. Anyone else: 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ParticipantModel(CurrentUser current, GetItinerary itineraries) : ItineraryPage(current)
{
    public IReadOnlyList<ItineraryConflict> Conflicts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, id, cancellationToken) is { } other)
        {
            return other;
        }

        await LoadFeedAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int year, int id, CancellationToken cancellationToken) =>
        await PrepareAsync(year, id, cancellationToken) ?? await DownloadAsync(Core.Itineraries.FeedOwner.Participant(year, id), cancellationToken);

    public async Task<IActionResult> OnPostFeedAsync(int year, int id, string? change, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, id, cancellationToken) is { } other)
        {
            return other;
        }

        await ChangeFeedAsync(change, cancellationToken);
        await LoadFeedAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Itinerary = await itineraries.ForParticipantAsync(Scope, year, id, cancellationToken);
        FeedOwner = Core.Itineraries.FeedOwner.Participant(year, id);
        if (Scope.RunsEdition(Edition.Id))
        {
            Conflicts = ItineraryConflicts.Find(await itineraries.PlannedForParticipantAsync(Scope, year, id, cancellationToken));
        }

        return null;
    }
}
