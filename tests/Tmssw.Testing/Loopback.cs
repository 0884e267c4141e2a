using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Tmssw.Testing;

/// <summary>
/// What the deployment tests share: the repository's own scripts, free loopback ports, plain HTTP clients
/// against a real Kestrel or nginx (no test server), and signing in through the real form.
/// </summary>
public static partial class Loopback
{
    /// <summary>The repository root (the folder holding Tmssw.slnx), found from the test's own output folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A port nothing listens on right now (the system's choice, released at once).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A client that follows no redirect and sends exactly the cookies it is given.</summary>
    public static HttpClient Client(string baseAddress, string? cookies = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(baseAddress),
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (cookies is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookies);
        }

        return client;
    }

    /// <summary>
    /// Signs in through the real form; the sign-in form may be fetched from one address and sent to another
    /// (anti-forgery across instances). Returns the cookies as a Cookie header.
    /// </summary>
    public static async Task<string> SignInAsync(string formFrom, string postTo, string email, string password)
    {
        var jar = new CookieContainer();
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = jar };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var form = await http.GetStringAsync(new Uri(new Uri(formFrom), "/account/login"));
        var token = AntiForgeryInput().Match(form) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the sign-in page.");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });

        // The cookies of the form's host go with the post, whatever its port (cookies ignore ports).
        using var response = await http.PostAsync(new Uri(new Uri(postTo), "/account/login"), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} at {postTo} answered {(int)response.StatusCode}.");
        }

        return jar.GetCookieHeader(new Uri(postTo));
    }

    /// <summary>Runs bash with the arguments; returns its exit code and output (stderr after stdout).</summary>
    public static async Task<(int Code, string Output)> BashAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Asks until the address answers 200 or the deadline passes (a bound on waiting, not a timing assertion).</summary>
    public static async Task<bool> WaitForOkAsync(string url, TimeSpan deadline, Func<bool>? giveUp = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (giveUp?.Invoke() == true)
            {
                return false;
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy
            }

            await Task.Delay(300);
        }

        return false;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tmssw.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Tmssw.slnx) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryInput();
}
