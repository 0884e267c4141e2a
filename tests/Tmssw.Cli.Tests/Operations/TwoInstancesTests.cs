using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Operations;

/// <summary>
/// scripts/two-instances.sh as an operator runs it: two `tmssw serve` processes (this test's build of the
/// CLI) on one PostgreSQL database, nginx in front, all on loopback. A person signed in on one instance is
/// recognized by the other, directly and through nginx; the probes answer; /metrics has the request
/// metrics on an instance's loopback and is refused through the proxy; the logs are JSON lines carrying
/// the request id. The script is then stopped as Ctrl+C would, and stops everything it started.
/// </summary>
public sealed class TwoInstancesTests
{
    private const string Password = "Two-Instances-Passw0rd-1";

    [Fact]
    public async Task Two_instances_behind_nginx_share_sign_ins_probes_and_metrics_on_PostgreSQL()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var work = Directory.CreateTempSubdirectory("tmssw-two-test-").FullName;
        var (proxyPort, portA, portB) = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
        var env = Path.Combine(work, "test.env");
        await File.WriteAllLinesAsync(env,
        [
            $"TMSSW_ADMIN_PASSWORD='{Password}'",
            "Demo__Plan=false",
            "RateLimits__SignInPerMinute=1000",
        ]);

        // This test's own build of the CLI (the same configuration as the test), not a Release build.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(Loopback.RepositoryRoot, "src", "Tmssw.Cli", "bin", configuration, "net10.0", "tmssw.dll");
        Assert.True(File.Exists(dll), $"No CLI build at {dll}");

        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Loopback.RepositoryRoot,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[]
        {
            "scripts/two-instances.sh", "--db", database.Setting.Value, "--port", Port(proxyPort),
            "--app-ports", $"{Port(portA)},{Port(portB)}", "--dir", work, "--env", env, "--dll", dll,
        })
        {
            start.ArgumentList.Add(a);
        }

        using var script = Process.Start(start)!;
        var scriptErr = script.StandardError.ReadToEndAsync();
        var scriptOut = script.StandardOutput.ReadToEndAsync();
        var proxy = $"http://127.0.0.1:{proxyPort}";
        var a1 = $"http://127.0.0.1:{portA}";
        var b1 = $"http://127.0.0.1:{portB}";
        try
        {
            var up = await Loopback.WaitForOkAsync(proxy + "/readyz", TimeSpan.FromMinutes(6), () => script.HasExited);
            Assert.True(up, "nginx and the instances did not come up: " + (script.HasExited ? await scriptErr : "still starting") + Tail(work, "a.log") + Tail(work, "b.log"));

            // Signed in through nginx: recognized on every request through nginx, and by A and B directly.
            var viaProxy = await Loopback.SignInAsync(proxy, proxy, "admin@tmssw.local", Password);
            using (var client = Loopback.Client(proxy, viaProxy))
            {
                for (var i = 0; i < 6; i++)
                {
                    await AssertSignedInAsync(client, $"through nginx, request {i + 1}");
                }
            }

            using (var a = Loopback.Client(a1, viaProxy))
            using (var b = Loopback.Client(b1, viaProxy))
            {
                await AssertSignedInAsync(a, "on A with the cookie from nginx");
                await AssertSignedInAsync(b, "on B with the cookie from nginx");
            }

            // Signed in on A (the form's anti-forgery token from A too): recognized on B. And a form from B posted to A.
            var onA = await Loopback.SignInAsync(a1, a1, "admin@tmssw.local", Password);
            using (var b = Loopback.Client(b1, onA))
            {
                await AssertSignedInAsync(b, "on B with the cookie from A");
            }

            var crossed = await Loopback.SignInAsync(b1, a1, "admin@tmssw.local", Password);
            using (var b = Loopback.Client(b1, crossed))
            {
                await AssertSignedInAsync(b, "on B after a form from B was posted to A");
            }

            // Without the cookie, the same page sends to the sign-in form: the cookie is what B recognized.
            using (var anonymous = Loopback.Client(b1))
            {
                var response = await anonymous.GetAsync("/admin/users");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            }

            // nginx spread the signed-in requests over both instances.
            var access = await File.ReadAllLinesAsync(Path.Combine(work, "nginx", "access.log"));
            var served = access.Where(l => l.Contains("/admin/users", StringComparison.Ordinal)).ToList();
            Assert.Contains(served, l => l.Contains($"127.0.0.1:{portA}", StringComparison.Ordinal));
            Assert.Contains(served, l => l.Contains($"127.0.0.1:{portB}", StringComparison.Ordinal));

            // The probes, anonymous, everywhere.
            foreach (var origin in new[] { proxy, a1, b1 })
            {
                using var client = Loopback.Client(origin);
                foreach (var probe in new[] { "/healthz", "/readyz" })
                {
                    var response = await client.GetAsync(probe);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{origin}{probe}: {(int)response.StatusCode} {body}");
                    Assert.Equal("Healthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
                }
            }

            // Metrics: on the instance's loopback, with the request count and latency; refused through the proxy.
            using (var a = Loopback.Client(a1))
            {
                var metrics = await a.GetAsync("/metrics");
                var text = await metrics.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
                Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
                Assert.Contains("http_route=\"/readyz\"", text, StringComparison.Ordinal);
            }

            using (var client = Loopback.Client(proxy))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
            }

            using (var forwarded = Loopback.Client(a1))
            {
                forwarded.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
                Assert.Equal(HttpStatusCode.NotFound, (await forwarded.GetAsync("/metrics")).StatusCode);
            }
        }
        finally
        {
            // Ctrl+C as an operator would: the script stops nginx and both instances.
            if (!script.HasExited)
            {
                using var kill = Process.Start("kill", ["-INT", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await script.WaitForExitAsync(stopped.Token);
        }

        Assert.Contains("Stopped", await scriptErr, StringComparison.Ordinal);
        _ = await scriptOut;
        Assert.False(File.Exists(Path.Combine(work, "nginx", "nginx.pid")) && ProcessAlive(await File.ReadAllTextAsync(Path.Combine(work, "nginx", "nginx.pid"))), "nginx still runs");
        foreach (var port in new[] { proxyPort, portA, portB })
        {
            Assert.False(await Listening(port), $"port {port} still answers after the script stopped");
        }

        // JSON logs: each event one line, the requests' lines with their request id.
        foreach (var name in new[] { "a.log", "b.log" })
        {
            var lines = await File.ReadAllLinesAsync(Path.Combine(work, name));
            var events = lines.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.NotEmpty(events);
            Assert.All(events, e => Assert.True(e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _)));
            var requests = events.Where(e => e.GetProperty("Category").GetString() == "Tmssw.Web.Requests").ToList();
            Assert.NotEmpty(requests);
            Assert.All(requests, e =>
            {
                var state = e.GetProperty("State");
                Assert.Matches("^(GET|POST|HEAD)$", state.GetProperty("Method").GetString());
                Assert.StartsWith("/", state.GetProperty("Path").GetString(), StringComparison.Ordinal);
                Assert.DoesNotContain("?", state.GetProperty("Path").GetString(), StringComparison.Ordinal);
                Assert.InRange(int.Parse(Text(state.GetProperty("StatusCode")), System.Globalization.CultureInfo.InvariantCulture), 200, 599);
                Assert.True(double.TryParse(Text(state.GetProperty("Duration")), System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0);
            });
            Assert.Contains(requests, e => e.GetProperty("State").GetProperty("Path").GetString() == "/readyz"
                && Text(e.GetProperty("State").GetProperty("StatusCode")) == "200");
            Assert.Contains(requests, e => e.TryGetProperty("Scopes", out var scopes)
                && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out var id) && id.GetString()!.Length > 0));
        }

        Directory.Delete(work, recursive: true);
    }

    private static async Task AssertSignedInAsync(HttpClient client, string where)
    {
        // The administrators' page: 200 only for a recognized administrator (anonymous: sign-in redirect).
        var response = await client.GetAsync("/admin/users");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{where}: {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("admin@tmssw.local", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A logged value as text, whether the formatter wrote it as a JSON number or a string.</summary>
    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Tail(string work, string name)
    {
        var path = Path.Combine(work, name);
        return File.Exists(path) ? $"\n--- {name}:\n" + string.Join('\n', File.ReadLines(path).TakeLast(20)) : "";
    }

    private static bool ProcessAlive(string pid) => int.TryParse(pid.Trim(), out var id) && Directory.Exists($"/proc/{id}");

    private static async Task<bool> Listening(int port)
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
