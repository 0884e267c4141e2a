using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Tmssw.Testing;
using Tmssw.Web.Startup;

namespace Tmssw.Web.Tests.Operations;

/// <summary>The probes, the metrics gate and the log format, on both providers.</summary>
public sealed class HealthAndMetricsTests
{
    [Theory, ProviderData]
    public async Task Healthz_and_readyz_answer_anonymously_and_readyz_is_503_while_a_migration_is_missing(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var (liveStatus, live) = await Probe(client, "/healthz");
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject()); // alive: no database call

        var (readyStatus, ready) = await Probe(client, "/readyz");
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // The newest migration forgotten by the database: not ready, and says why; still alive.
        string newest;
        await using (var db = app.Database.NewContext())
        {
            newest = (await db.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal).Last();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {0}", newest);
        }

        (readyStatus, ready) = await Probe(client, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Contains(newest, ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task Metrics_are_refused_to_callers_that_are_not_local_and_served_with_the_configured_token(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using var withToken = app.WithWebHostBuilder(b => b.UseSetting("Metrics:Token", "metrics-token-for-the-test"));
        var client = withToken.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // The test server's caller has no loopback address: like a remote caller, it sees no such page.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics"))
        {
            wrong.Headers.Authorization = new("Bearer", "metrics-token-for-the-tesT");
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong)).StatusCode);
        }

        // Any meter named Tmssw.* is exported (the jobs' and solvers' meters are such meters).
        using var meter = new Meter("Tmssw.Tests.Probe");
        meter.CreateCounter<long>("tmssw.tests.probes").Add(3);

        // The solvers' time (RunSplit and RunSchedule measure through SolverMetrics).
        var solved = Core.SolverMetrics.Measure("metrics-test", () => Planning.PlanningStatus.Optimal, s => s);
        Assert.Equal(Planning.PlanningStatus.Optimal, solved);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        right.Headers.Authorization = new("Bearer", "metrics-token-for-the-test");
        var response = await client.SendAsync(right);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/readyz\"", text, StringComparison.Ordinal);
        Assert.Contains("tmssw_tests_probes_total", text, StringComparison.Ordinal);
        Assert.Contains("tmssw_solver_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Contains("kind=\"metrics-test\",outcome=\"Optimal\"", text, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task Logs_format_json_gives_the_json_console_formatter_with_scopes(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using var json = app.WithWebHostBuilder(b => b.UseSetting("Logs:Format", "json"));
        var options = json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        var formatter = json.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(formatter.IncludeScopes);
        Assert.False(formatter.JsonWriterOptions.Indented);

        Assert.True(Observability.UsesJsonLogs("JSON"));
        Assert.False(Observability.UsesJsonLogs("text"));
        var wrong = Assert.Throws<InvalidOperationException>(() => Observability.UsesJsonLogs("xml"));
        Assert.Contains("Logs:Format", wrong.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode, JsonElement)> Probe(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
