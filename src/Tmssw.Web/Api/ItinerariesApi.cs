using Tmssw.Core.Itineraries;

namespace Tmssw.Web.Api;

/// <summary>
/// Secret calendar feeds: GET /feeds/{token}.ics answers the iCalendar of whoever the token belongs
/// to, without signing in (calendar apps cannot sign in). An unknown or revoked token is a 404, the
/// same answer as for a token that never existed; the response is private (never kept by intermediaries)
/// and revalidated on every fetch, so a revocation takes effect at the next refresh.
/// </summary>
public static class ItinerariesApi
{
    public static IEndpointRouteBuilder MapItineraryFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds/{token}.ics", FeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(TmsswWeb.ApiRateLimit)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(string token, HttpContext http, GetCalendar calendars, CancellationToken cancellationToken)
    {
        var file = await calendars.ForTokenAsync(token, cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return Results.Text(file.Content, IcsCalendar.MediaType + "; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
