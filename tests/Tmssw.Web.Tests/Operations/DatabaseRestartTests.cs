using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Operations;

/// <summary>
/// PostgreSQL restarted under load: while it is down, every request that needs it fails cleanly (503 with
/// Retry-After; problem+json under /api, a plain page for people; no stack trace, no exception text), the
/// liveness probe stays up and readiness says 503; when it is back, the same app (not restarted) answers 200.
/// The test runs its own throwaway cluster (scripts/throwaway-postgres.sh) so stopping it disturbs no other test.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const string Api = "/api/v1/editions";
    private const string Page = "/editions/2024";

    [Fact]
    public async Task PostgreSQL_restarted_under_load_gives_clean_503s_and_the_app_recovers_without_a_restart()
    {
        var cluster = await ThrowawayCluster.StartAsync();
        try
        {
            await using var app = await TmsswWeb.BuildAsync(
            [
                "--urls", "http://127.0.0.1:0",
                "--environment", "Production",
                "--TMSSW_ADMIN_PASSWORD", "Restart-Passw0rd-123",
                "--Demo:Plan", "false",
                "--RateLimits:ApiPerMinute", "1000000",
            ], DatabaseSetting.Resolve(cluster.Connection));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = Loopback.Client(address);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page)).StatusCode);

            // Load: four callers asking all the time, through the stop and the start.
            var statuses = new ConcurrentBag<(int Status, string Body)>();
            using var stopLoad = new CancellationTokenSource();
            var load = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
            {
                using var caller = Loopback.Client(address);
                while (!stopLoad.IsCancellationRequested)
                {
                    using var response = await caller.GetAsync(i % 2 == 0 ? Api : Page);
                    statuses.Add(((int)response.StatusCode, await response.Content.ReadAsStringAsync()));
                }
            })).ToList();

            await cluster.ServerAsync("stop");

            // Down: the API answers a problem, the pages a page; neither shows a stack or an exception.
            var api = await client.GetAsync(Api);
            var apiBody = await api.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);
            var problem = JsonDocument.Parse(apiBody).RootElement;
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Contains("database", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            AssertNoStack(apiBody);

            var page = await client.GetAsync(Page);
            var pageBody = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Temporarily unavailable", pageBody, StringComparison.Ordinal);
            AssertNoStack(pageBody);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);

            await cluster.ServerAsync("start");

            // Back: the same app answers again (the first requests may still meet a connection the restart broke).
            Assert.True(await Loopback.WaitForOkAsync(address.TrimEnd('/') + Api, TimeSpan.FromMinutes(1)), "The API did not recover.");
            Assert.True(await Loopback.WaitForOkAsync(address.TrimEnd('/') + Page, TimeSpan.FromMinutes(1)), "The page did not recover.");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
            var count = statuses.Count;
            while (statuses.Count < count + 8)
            {
                await Task.Delay(100);
            }

            await stopLoad.CancelAsync();
            await Task.WhenAll(load);

            // Under load, every answer was a 200 or a clean 503; never a 500, never a stack.
            var all = statuses.ToList();
            Assert.Contains(all, s => s.Status == 503);
            Assert.All(all, s => Assert.True(s.Status is 200 or 503, $"HTTP {s.Status}: {s.Body[..Math.Min(300, s.Body.Length)]}"));
            Assert.All(all.Where(s => s.Status == 503), s => AssertNoStack(s.Body));
            await app.StopAsync();
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static void AssertNoStack(string body)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
    }

    /// <summary>A cluster of this test's own, started, stopped and started again by scripts/throwaway-postgres.sh.</summary>
    private sealed class ThrowawayCluster(string work, int port) : IAsyncDisposable
    {
        public string Connection => $"Host=127.0.0.1;Port={port};Username=postgres;Database=tmssw";

        public static async Task<ThrowawayCluster> StartAsync()
        {
            var (code, output) = await Loopback.BashAsync("-c",
                ". scripts/throwaway-postgres.sh && start_throwaway_postgres 57400 && trap - EXIT && echo \"CLUSTER $PG_WORK $PG_PORT\"");
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("CLUSTER ", StringComparison.Ordinal));
            Assert.True(code == 0 && line is not null, "The throwaway PostgreSQL did not start: " + output);
            var parts = line!.Split(' ');
            return new ThrowawayCluster(parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        public async Task ServerAsync(string verb)
        {
            var (code, output) = await Loopback.BashAsync("-c",
                $". scripts/throwaway-postgres.sh && PG_BIN=$(pg_bin_dir) PG_WORK='{work}' PG_PORT={port} && pg_server {verb}");
            Assert.True(code == 0, $"pg_server {verb}: {output}");
        }

        public async ValueTask DisposeAsync() =>
            await Loopback.BashAsync("-c", $". scripts/throwaway-postgres.sh && PG_BIN=$(pg_bin_dir) PG_WORK='{work}' && stop_throwaway_postgres");
    }
}
