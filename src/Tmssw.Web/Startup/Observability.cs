using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenTelemetry.Metrics;

namespace Tmssw.Web.Startup;

/// <summary>
/// Logs and metrics. Logs: the built-in console logger, one JSON object per line (with the request id
/// and trace id from the scopes) when <c>Logs:Format</c> is <c>json</c>, the plain console format when it
/// is <c>text</c>; unset, JSON when the output is not a terminal (a service, a container, a script) and
/// text when a person watches it. Metrics: OpenTelemetry with ASP.NET Core's request count and latency
/// (<c>http.server.request.duration</c>) and every meter named <c>Tmssw.*</c> (jobs, solver time),
/// served to Prometheus at <c>/metrics</c>, which only a direct loopback caller or a caller with the
/// configured <c>Metrics:Token</c> (Bearer) may read; everyone else gets the 404 of a page that is not there.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    /// <summary>The category of the one line per request (<c>Logs:Requests=true</c>).</summary>
    public const string RequestsCategory = "Tmssw.Web.Requests";

    /// <summary>Every meter the app's own code names "Tmssw.…".</summary>
    public const string MeterPattern = "Tmssw.*";

    public static WebApplicationBuilder AddTmsswObservability(this WebApplicationBuilder builder)
    {
        if (UsesJsonLogs(builder.Configuration["Logs:Format"]))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true; // RequestId, RequestPath, TraceId, SpanId of the request
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(MeterPattern)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Request logs when configured, and <c>/metrics</c> behind its gate; call before routing.</summary>
    public static WebApplication UseTmsswObservability(this WebApplication app)
    {
        // Logs:Requests=true: one line per request (method, path without the query string, which can hold
        // search terms, status, duration), carrying the request id like every line logged during the request.
        // A source-generated log call at the end of the request: ASP.NET Core's HTTP logging middleware does the
        // same with a per-request context, a field list and a combined message built each time.
        if (app.Configuration.GetValue("Logs:Requests", false))
        {
            var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestsCategory);
            app.Use(async (context, next) =>
            {
                var started = Stopwatch.GetTimestamp();
                var status = StatusCodes.Status500InternalServerError; // unless the rest of the pipeline answers
                try
                {
                    await next(context);
                    status = context.Response.StatusCode;
                }
                finally
                {
                    RequestLog.Answered(requests, context.Request.Method, context.Request.PathBase + context.Request.Path,
                        status, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
                }
            });
        }

        var token = app.Configuration["Metrics:Token"];
        app.UseWhen(c => c.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase), gate => gate.Use(async (context, next) =>
        {
            if (!MayScrape(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    internal static bool UsesJsonLogs(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "json" => true,
        "text" or "simple" => false,
        null or "" => Console.IsOutputRedirected,
        _ => throw new InvalidOperationException($"Logs:Format is \"{format}\": use json or text."),
    };

    /// <summary>
    /// A direct loopback connection (Prometheus or an operator on the same machine, not a request the
    /// proxy forwarded: those carry X-Forwarded-For, or X-Original-For once the forwarded-headers
    /// middleware has read it), or the configured token.
    /// </summary>
    internal static bool MayScrape(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var given = context.Request.Headers.Authorization.ToString();
            if (given.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[7..].Trim()), Encoding.UTF8.GetBytes(token)))
            {
                return true;
            }
        }

        var headers = context.Request.Headers;
        var forwarded = headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Original-For") || headers.ContainsKey("Forwarded");
        return !forwarded && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }
}

internal static partial class RequestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {Duration} ms")]
    public static partial void Answered(ILogger logger, string method, string path, int statusCode, double duration);
}
