using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Accounts;
using Tmssw.Core.Editions;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

public sealed record EditionSummaryDto(
    int Year,
    int Ordinal,
    string Title,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool IsPublished,
    int Participants,
    int Countries,
    IReadOnlyList<FigureView> Figures);

public sealed record ObjectiveDto(int Number, string Text);

public sealed record PhaseDto(PhaseKind Kind, string Name, DateOnly? StartDate, DateOnly? EndDate, string? Description, IReadOnlyList<string> CityIds);

public sealed record EditionDto(
    int Year,
    int Ordinal,
    string Title,
    DateOnly? StartDate,
    DateOnly? EndDate,
    bool IsPublished,
    string? Summary,
    string? Emphasis,
    string? ImplementingPartner,
    string? ContactEmail,
    IReadOnlyList<string> Themes,
    IReadOnlyList<ObjectiveDto> Objectives,
    IReadOnlyList<PhaseDto> Phases,
    int Participants,
    int Countries,
    IReadOnlyList<FigureView> Figures);

/// <summary>Editions: public facts for everyone; unpublished editions for the Staff who run them.</summary>
public static class EditionsApi
{
    public static RouteGroupBuilder MapEditionsApi(this RouteGroupBuilder v1)
    {
        var editions = v1.MapGroup("/editions").WithTags("Editions");
        editions.MapGet("", ListAsync)
            .AllowAnonymous()
            .WithName("ListEditions")
            .WithSummary("List editions")
            .WithDescription("Published editions with their counted participants and countries and the figures others published (each with its source). Admins and the Staff assigned to an unpublished edition also see it.");
        editions.MapGet("/{year:int}", GetAsync)
            .AllowAnonymous()
            .WithName("GetEdition")
            .WithSummary("One edition")
            .WithDescription("An edition's dates, objectives, phases and figures. An unpublished edition is a 404 except for Admins and its assigned Staff.");
        return v1;
    }

    private static async Task<Ok<List<EditionSummaryDto>>> ListAsync(
        HttpContext http, ListReadableEditions editions, CancellationToken cancellationToken)
    {
        var scope = await OptionalScopeAsync(http);
        return TypedResults.Ok((await editions.RunAsync(scope, cancellationToken))
            .Select(x =>
            {
                var (e, s) = x;
                return new EditionSummaryDto(e.Year, e.Ordinal, e.Title, e.StartDate, e.EndDate, e.IsPublished, s.Participants, s.Countries, s.Published);
            })
            .ToList());
    }

    private static async Task<Results<Ok<EditionDto>, NotFound>> GetAsync(
        int year, HttpContext http, GetEdition getEdition, CancellationToken cancellationToken)
    {
        var scope = await OptionalScopeAsync(http);
        if (await getEdition.RunAsync(scope, year, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var (e, s) = found;

        return TypedResults.Ok(new EditionDto(
            e.Year,
            e.Ordinal,
            e.Title,
            e.StartDate,
            e.EndDate,
            e.IsPublished,
            e.Summary,
            e.Emphasis,
            e.ImplementingPartner,
            e.ContactEmail,
            e.Themes,
            e.Objectives.OrderBy(o => o.Number).Select(o => new ObjectiveDto(o.Number, o.Text)).ToList(),
            e.Phases.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Select(p => new PhaseDto(p.Kind, p.Name, p.StartDate, p.EndDate, p.Description, p.CityIds)).ToList(),
            s.Participants,
            s.Countries,
            s.Published));
    }

    /// <summary>
    /// The caller on an anonymous endpoint: the cookie when there is one, else a valid bearer token
    /// (an unknown or revoked token reads as anonymous here).
    /// </summary>
    private static async Task<UserScope?> OptionalScopeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            var token = await http.AuthenticateAsync(ApiTokenHandler.SchemeName);
            if (token.Succeeded)
            {
                http.User = token.Principal;
            }
        }

        return await http.RequestServices.GetRequiredService<CurrentUser>().GetAsync(http.RequestAborted);
    }
}
