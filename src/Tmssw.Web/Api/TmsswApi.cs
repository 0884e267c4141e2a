using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
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
        v1.MapCitiesApi();
        v1.MapGroupsApi();
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
    /// The edition with this year, when the caller reaches it: Admins reach all; a Staff member who is
    /// nothing else reaches only the editions they are assigned to (another edition is a 404, the same
    /// as one that does not exist). The other roles are scoped by their country, city or group.
    /// </summary>
    internal static async Task<Edition?> FindEditionAsync(TmsswDbContext db, UserScope scope, int year, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, cancellationToken);
        if (edition is null)
        {
            return null;
        }

        var onlyStaff = scope.IsStaff && !(scope.IsNominator || scope.IsHost || scope.IsInterpreter);
        return onlyStaff && !scope.RunsEdition(edition.Id) ? null : edition;
    }

    /// <summary>"GivenName" → "givenName", so error keys match the JSON field names.</summary>
    internal static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    internal static Dictionary<string, string[]> Errors(IEnumerable<KeyValuePair<string, string>> errors) =>
        errors.ToDictionary(e => CamelCase(e.Key), e => new[] { e.Value });
}
