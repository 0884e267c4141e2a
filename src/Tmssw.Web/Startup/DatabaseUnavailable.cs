using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tmssw.Web.Startup;

/// <summary>
/// When the database stops answering (restarted, unreachable, out of connections) in the middle of a
/// request: 503 with Retry-After, a problem+json body under /api and a plain page for people, never a
/// stack trace; the connection pool is emptied so the next request opens fresh connections and the
/// app recovers by itself when the database is back. Other exceptions go on to the usual 500 handler.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning("The database did not answer {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        NpgsqlConnection.ClearAllPools();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            var written = await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = null, // no exception details in the body, whatever the environment
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service unavailable",
                    Detail = $"The database does not answer right now. Try again in {RetryAfterSeconds} seconds.",
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                },
            });
            if (!written)
            {
                response.ContentType = "application/problem+json";
                await response.WriteAsync("{\"status\":503,\"title\":\"Service unavailable\"}", cancellationToken);
            }

            return true;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page, cancellationToken);
        return true;
    }

    /// <summary>A page that needs nothing from the database (no layout, no user, no edition menu).</summary>
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Temporarily unavailable · TMSSW</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main id="main">
        <h1>Temporarily unavailable</h1>
        <p>The application cannot reach its database at the moment. Wait a few seconds and reload the page.</p>
        <p>If you were saving something, check afterwards whether it was saved before entering it again.</p>
        </main></body>
        </html>
        """;

    /// <summary>The database is unreachable or went away: a transient connection failure anywhere in the chain.</summary>
    internal static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // admin/crash shutdown, cannot connect now
                    || pg.SqlState is "53300": // too many connections
                    return true;
                case PostgresException:
                    return false; // the database answered: a real error, not an outage
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // busy, locked
                    return true;
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }
}
