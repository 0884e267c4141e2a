using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Me;

/// <summary>The whole program of the person signed in, day by day, in their language, with their calendar feed.</summary>
[Authorize(Policy = Policies.Traveller)]
public sealed class ItineraryModel(GetOwnItinerary own, ManageFeedToken feeds, CurrentUser current) : PageModel
{
    public ProgramBookContent Book { get; private set; } = null!;

    public Itinerary Itinerary { get; private set; } = null!;

    public string? FeedUrl { get; private set; }

    /// <summary>The book's day-by-day part: each day's heading with its items (a heading block and its details).</summary>
    public IReadOnlyList<(string Day, List<(BookBlock Head, List<BookBlock> Details)> Items)> Days { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var mine = await own.RunAsync(scope, cancellationToken);
        Itinerary = mine.Itinerary;
        Book = ProgramBook.Compose(mine.Itinerary, Startup.TravellerLocalization.Current);
        var days = new List<(string Day, List<(BookBlock Head, List<BookBlock> Details)> Items)>();
        foreach (var b in Book.Blocks.SkipWhile(b => b.Kind != BookBlockKind.Day))
        {
            if (b.Kind == BookBlockKind.Day)
            {
                days.Add((b.Text, []));
            }
            else if (b.Kind == BookBlockKind.EntryHeading && days.Count > 0)
            {
                days[^1].Items.Add((b, []));
            }
            else if (b.Kind == BookBlockKind.EntryDetail && days.Count > 0 && days[^1].Items.Count > 0)
            {
                days[^1].Items[^1].Details.Add(b);
            }
        }

        Days = days;
        FeedUrl = await feeds.GetAsync(scope, mine.Feed, cancellationToken) is { } link ? $"{Request.Scheme}://{Request.Host}{link.Path}" : null;
        return Page();
    }

    /// <summary>Makes the secret calendar address (shown from then on).</summary>
    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var mine = await own.RunAsync(scope, cancellationToken);
        await feeds.GetOrCreateAsync(scope, mine.Feed, cancellationToken);
        return RedirectToPage();
    }
}
