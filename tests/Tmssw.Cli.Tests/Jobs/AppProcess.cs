using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Tmssw.Core.Data;

namespace Tmssw.Cli.Tests.Jobs;

/// <summary>
/// The real app (<c>dotnet tmssw.dll serve</c>) as a child process on a free loopback port, for the
/// kill -9 fault tests. <see cref="PauseAt"/> turns on the test-only hook (<see cref="FaultPoints"/>)
/// that stops inside a transaction and writes a marker file, so <see cref="KillHard"/> lands there.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@tmssw.local";
    public const string AdminPassword = "Fault-Test-Passw0rd-1";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, string baseUrl, string marker)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Marker = marker;
    }

    public string BaseUrl { get; }

    /// <summary>The file the paused code writes when it reaches its fault point.</summary>
    public string Marker { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(DatabaseSetting db, string? pauseAt, bool planDemo)
    {
        var port = FreePort();
        var marker = Path.Combine(Path.GetTempPath(), $"tmssw-fault-{Guid.NewGuid():N}.marker");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliDll(), "serve", "--db", db.Value, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TMSSW_ADMIN_PASSWORD"] = AdminPassword;
        start.Environment["Demo__Plan"] = planDemo ? "true" : "false";
        start.Environment["Retention__Schedule"] = "off";
        start.Environment["RateLimits__SignInPerMinute"] = "1000";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("TMSSW_DB");
        if (pauseAt is not null)
        {
            start.Environment[FaultPoints.PauseVariable] = pauseAt;
            start.Environment[FaultPoints.MarkerVariable] = marker;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, $"http://127.0.0.1:{port}", marker);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitReadyAsync(TimeSpan.FromMinutes(5));
        return app;
    }

    /// <summary>A client signed in as the first-start Admin, with its cookies.</summary>
    public async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromMinutes(10),
        };
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
            ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, "sign-in failed: " + response.StatusCode + "\n" + Output);
        return client;
    }

    /// <summary>Waits until the paused code has written its marker (it is inside its transaction now).</summary>
    public async Task WaitForMarkerAsync(Task? request = null)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (!File.Exists(Marker))
        {
            if (request is { IsCompleted: true })
            {
                Assert.Fail("The request ended before it reached the fault point:\n" + Output);
            }

            Assert.True(DateTime.UtcNow < until, "The fault point was never reached:\n" + Output);
            Assert.False(process.HasExited, "The app exited:\n" + Output);
            await Task.Delay(100);
        }
    }

    /// <summary>kill -9: no shutdown, no flush, no rollback by the app.</summary>
    public async Task KillHard()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        File.Delete(Marker);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(process.HasExited, "The app exited before it was ready:\n" + Output);
            try
            {
                if ((await probe.GetAsync("/account/login")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            Assert.True(DateTime.UtcNow < until, "The app did not answer in time:\n" + Output);
            await Task.Delay(250);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The CLI's build output (<c>tmssw.dll</c>), copied beside the tests with its runtime configuration.</summary>
    private static string CliDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tmssw.dll");
        Assert.True(File.Exists(dll) && File.Exists(Path.Combine(AppContext.BaseDirectory, "tmssw.runtimeconfig.json")), $"{dll} and its runtime configuration are missing: build the tests.");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
