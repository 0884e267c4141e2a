using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Hosts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

public sealed record CityDto(string Id, string Name, string State, string TimeZone, double Latitude, double Longitude);

public sealed record VenueDto(int Id, string Name, string? Address, double Latitude, double Longitude);

public sealed record HostDto(int Id, string Code, string CityId, string Name, HostKind Kind, VenueDto? Venue, int Offers);

/// <summary>A stretch of local wall-clock time in the host's city (no offset).</summary>
public sealed record WindowDto(DateTime Start, DateTime End);

public sealed record OfferDto(
    int Id,
    int HostId,
    string HostCode,
    string HostName,
    string CityId,
    string Topic,
    IReadOnlyList<string> Themes,
    int DurationMinutes,
    int Value,
    bool Required,
    VenueDto? Venue,
    IReadOnlyList<WindowDto> Windows);

/// <summary>Cities (any signed-in caller), and an edition's hosts and offers (Admin, Staff, a Host for its own city).</summary>
public static class HostsApi
{
    public static RouteGroupBuilder MapHostsApi(this RouteGroupBuilder v1)
    {
        var cities = v1.MapGroup("").WithTags("Cities");
        cities.MapGet("/cities", ListCitiesAsync)
            .Protected(Policies.SignedIn)
            .WithName("ListCities")
            .WithSummary("List cities")
            .WithDescription("The U.S. places phases and groups go to, with their IANA time zone.");
        var inEdition = v1.MapEditionGroup("Cities");
        inEdition.MapGet("/hosts", ListHostsAsync)
            .Protected(Policies.Hosts)
            .WithName("ListHosts")
            .WithSummary("An edition's host organizations")
            .WithDescription("Host organizations in the edition's cities, optionally of one city (?city=phoenix), with their venue and how many offers they made to the edition. A Host sees its own city only; another city is a 404.");
        inEdition.MapGet("/offers", ListOffersAsync)
            .Protected(Policies.Hosts)
            .WithName("ListOffers")
            .WithSummary("An edition's meeting offers")
            .WithDescription("What hosts offer the edition's groups: topic, themes, duration, value, venue and availability windows in the city's local time. Optionally of one city (?city=); a Host sees its own city only, another city is a 404.");
        return v1;
    }

    private static async Task<Ok<List<CityDto>>> ListCitiesAsync(ListCities list, CancellationToken cancellationToken)
    {
        var cities = await list.RunAsync(cancellationToken);
        return TypedResults.Ok(cities.Select(c => new CityDto(c.Id, c.Name, c.State, c.TimeZone, c.Latitude, c.Longitude)).ToList());
    }

    private static async Task<Results<Ok<List<HostDto>>, NotFound>> ListHostsAsync(
        int year, string? city, HttpContext http, CurrentUser current, ListHostOrganizations list, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        if (await list.RunAsync(scope, TmsswApi.EditionOf(http).Id, city, cancellationToken) is not { } rows)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(rows.Select(h => new HostDto(h.Id, h.Code, h.CityId, h.Name, h.Kind, Venue(h.Venue), h.Offers)).ToList());
    }

    private static async Task<Results<Ok<List<OfferDto>>, NotFound>> ListOffersAsync(
        int year, string? city, HttpContext http, CurrentUser current, ListEditionOffers list, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        if (await list.RunAsync(scope, TmsswApi.EditionOf(http).Id, city, cancellationToken) is not { } offers)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(offers.Select(o => new OfferDto(
            o.Id,
            o.HostOrganizationId,
            o.Host!.Code,
            o.Host.Name,
            o.Host.CityId,
            o.Topic,
            o.Themes,
            o.DurationMinutes,
            o.Value,
            o.Required,
            Venue(o.Venue ?? o.Host.Venue),
            o.Windows.OrderBy(w => w.Start).Select(w => new WindowDto(w.Start, w.End)).ToList())).ToList());
    }

    private static VenueDto? Venue(Venue? v) => v is null ? null : new VenueDto(v.Id, v.Name, v.Address, v.Latitude, v.Longitude);
}
