using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Web.Api;

/// <summary>The JSON API under /api/v1, one static class per feature mapping its route group.</summary>
public static class TmsswApi
{
    public const string Prefix = "/api/v1";

    public static IEndpointRouteBuilder MapTmsswApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix)
            .RequireRateLimiting(TmsswWeb.ApiRateLimit)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithGroupName("v1");
        v1.MapEditionsApi();
        v1.MapParticipantsApi();
        v1.MapHostsApi();
        v1.MapGroupsApi();
        v1.MapConferenceApi();
        v1.MapCheckInsApi();
        v1.MapAlumniApi();
        return app;
    }

    public static IServiceCollection AddWebUseCases(this IServiceCollection services)
    {
        // Enums travel as their names ("Confirmed"), in the responses and in the OpenAPI document.
        // Numbers are numbers: the web default also reads them from strings, which blurs the OpenAPI schema.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });

        // The "v1" document is added in TmsswWeb; this adds the bearer scheme and the per-operation requirement.
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer<BearerSecurity>();
            o.AddOperationTransformer<BearerSecurity>();
        });
        return services;
    }

    /// <summary>For an endpoint that needs a signed-in caller: 401 and 403 as problem details.</summary>
    internal static RouteHandlerBuilder Protected(this RouteHandlerBuilder endpoint, string policy) =>
        endpoint.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>
    /// The route group of one edition, /api/v1/editions/{year}: every endpoint in it is checked once,
    /// here — the edition exists and the caller reaches it (<see cref="FindEdition"/>), else a 404,
    /// the same as an edition that does not exist. Handlers read it with <see cref="EditionOf"/>.
    /// </summary>
    internal static RouteGroupBuilder MapEditionGroup(this RouteGroupBuilder v1, string tag) =>
        v1.MapGroup("/editions/{year:int}").WithTags(tag).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var scope = await http.RequestServices.GetRequiredService<Security.CurrentUser>().GetAsync(http.RequestAborted);
            var edition = scope is not null && int.TryParse(http.Request.RouteValues["year"] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                ? await http.RequestServices.GetRequiredService<FindEdition>().RunAsync(scope, year, cancellationToken: http.RequestAborted)
                : null;
            if (edition is null)
            {
                return TypedResults.NotFound();
            }

            http.Items[typeof(Edition)] = edition;
            return await next(context);
        });

    /// <summary>The edition the route group's filter opened for this request.</summary>
    internal static Edition EditionOf(HttpContext http) =>
        http.Items[typeof(Edition)] as Edition ?? throw new InvalidOperationException("An edition endpoint outside MapEditionGroup.");

    /// <summary>"GivenName" → "givenName", so error keys match the JSON field names.</summary>
    internal static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    internal static Dictionary<string, string[]> Errors(IEnumerable<KeyValuePair<string, string>> errors) =>
        errors.ToDictionary(e => CamelCase(e.Key), e => new[] { e.Value });
}
