using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>
/// What the itinerary pages share: the itinerary shown, its .ics download, and the secret feed URL
/// of what the viewer sees (made, regenerated, revoked here; <see cref="ManageFeedToken"/> checks who may).
/// </summary>
public abstract class ItineraryPage(CurrentUser current) : EditionPage(current)
{
    public Itinerary Itinerary { get; protected set; } = null!;

    /// <summary>Whose feed this page manages, when the viewer may have one.</summary>
    public FeedOwner? FeedOwner { get; protected set; }

    public FeedLink? Feed { get; private set; }

    public string? Notice { get; private set; }

    public string FeedUrl(FeedLink link) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}{link.Path}";

    protected async Task LoadFeedAsync(CancellationToken cancellationToken)
    {
        if (FeedOwner is { } owner)
        {
            Feed = await Tokens.GetAsync(Scope, owner, cancellationToken);
        }
    }

    /// <summary>The .ics of what the page shows, for a signed-in download.</summary>
    protected async Task<IActionResult> DownloadAsync(FeedOwner owner, CancellationToken cancellationToken)
    {
        var file = await HttpContext.RequestServices.GetRequiredService<GetCalendar>().ForOwnerAsync(Scope, owner, cancellationToken);
        return File(System.Text.Encoding.UTF8.GetBytes(file.Content), IcsCalendar.MediaType + "; charset=utf-8", file.FileName);
    }

    /// <summary>create, regenerate or revoke the feed URL.</summary>
    protected async Task ChangeFeedAsync(string? action, CancellationToken cancellationToken)
    {
        if (FeedOwner is not { } owner)
        {
            return;
        }

        switch (action)
        {
            case "regenerate":
                await Tokens.RegenerateAsync(Scope, owner, cancellationToken);
                Notice = "A new feed address was made; the old one no longer works.";
                break;
            case "revoke":
                Notice = await Tokens.RevokeAsync(Scope, owner, cancellationToken) ? "The feed address was revoked: calendars subscribed to it stop updating." : "There was no feed address to revoke.";
                break;
            default:
                await Tokens.GetOrCreateAsync(Scope, owner, cancellationToken);
                Notice = "Your feed address is ready: add it to your calendar app as a subscription.";
                break;
        }
    }

    private ManageFeedToken Tokens => HttpContext.RequestServices.GetRequiredService<ManageFeedToken>();
}
