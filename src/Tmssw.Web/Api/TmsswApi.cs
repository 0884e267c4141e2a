namespace Tmssw.Web.Api;

/// <summary>The JSON API under /api/v1, one static class per feature mapping its route group.</summary>
public static class TmsswApi
{
    public static IEndpointRouteBuilder MapTmsswApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireRateLimiting(TmsswWeb.ApiRateLimit);
        _ = v1;
        return app;
    }

    public static IServiceCollection AddWebUseCases(this IServiceCollection services) => services;
}
