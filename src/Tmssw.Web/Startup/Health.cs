using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tmssw.Core.Data;

namespace Tmssw.Web.Startup;

/// <summary>
/// Probes for the proxy and the orchestrator, both anonymous and JSON: <c>/healthz</c> says the process
/// answers (no database call: restarting the app would not fix the database); <c>/readyz</c> says the
/// database answers and every migration is applied, else 503. Also registers the answer to a database
/// that stops answering in the middle of a request (<see cref="DatabaseUnavailableHandler"/>).
/// </summary>
public static class Health
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddTmsswHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return services;
    }

    public static WebApplication MapTmsswHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>{"status":"Healthy","checks":{"database":{"status":…,"description":…}}}; never an exception's text.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Ready when the database answers and no migration of this build is waiting.</summary>
internal sealed class DatabaseReadiness(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("The database answers and every migration is applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet, the first {pending[0]}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database does not answer ({e.GetType().Name}).");
        }
    }
}
