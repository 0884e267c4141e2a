using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>
/// Behind the TLS proxy: the real app, requests arriving from an allowed proxy (loopback by default)
/// and from an address that is not one, carrying X-Forwarded-For / X-Forwarded-Proto.
/// </summary>
public sealed class ProxyTests
{
    private const string PublicHost = "tmssw.example.org";
    private static readonly IPAddress Proxy = IPAddress.Loopback;
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.9");

    private static async Task<HttpContext> SendAsync(TestServer server, IPAddress from, string? forwardedFor, string? forwardedProto, string path = "/account/login", string host = PublicHost) =>
        await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.Host = new HostString(host);
            c.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });

    private static List<string> Cookies(HttpContext response) => response.Response.Headers.SetCookie.Select(c => c ?? "").ToList();

    [Theory, ProviderData]
    public async Task Https_through_an_allowed_proxy_gives_secure_cookies_and_hsts_and_a_stranger_cannot_claim_it(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using var site = app.WithWebHostBuilder(b => b.UseSetting("TMSSW_ALLOWED_HOSTS", $"{PublicHost};localhost"));
        var server = site.Server;

        var viaProxy = await SendAsync(server, Proxy, "203.0.113.7", "https");
        Assert.Equal(StatusCodes.Status200OK, viaProxy.Response.StatusCode);
        Assert.StartsWith("max-age=31536000", viaProxy.Response.Headers.StrictTransportSecurity.ToString());
        var antiforgery = Assert.Single(Cookies(viaProxy), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        // The same headers from an address that is no configured proxy are ignored: plain HTTP as it came.
        var spoofed = await SendAsync(server, Stranger, "203.0.113.7", "https");
        Assert.Equal(StatusCodes.Status200OK, spoofed.Response.StatusCode);
        Assert.Empty(spoofed.Response.Headers.StrictTransportSecurity.ToString());
        Assert.DoesNotContain("secure", Assert.Single(Cookies(spoofed), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);

        // Plain HTTP through the proxy: no HSTS, no Secure (the browser could not send it back).
        var plain = await SendAsync(server, Proxy, "203.0.113.7", "http");
        Assert.Empty(plain.Response.Headers.StrictTransportSecurity.ToString());

        // A host name nobody configured is refused.
        var otherHost = await SendAsync(server, Proxy, null, null, "/", "evil.example.net");
        Assert.Equal(StatusCodes.Status400BadRequest, otherHost.Response.StatusCode);
    }

    [Theory, ProviderData]
    public async Task The_sign_in_limit_counts_each_real_client_behind_the_proxy_and_spoofed_headers_do_not_escape_it(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using var site = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var server = site.Server;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(server, Proxy, "203.0.113.7", "https", host: "localhost")).Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(server, Proxy, "203.0.113.7", "https", host: "localhost")).Response.StatusCode);

        // Another person behind the same proxy is not refused because of the first.
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(server, Proxy, "203.0.113.8", "https", host: "localhost")).Response.StatusCode);

        // A client talking directly, inventing a new X-Forwarded-For each time, is still one client.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(server, Stranger, $"192.0.2.{i}", null, host: "localhost")).Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(server, Stranger, "192.0.2.99", null, host: "localhost")).Response.StatusCode);
    }

    [Theory, ProviderData]
    public async Task Proxies_are_configurable_and_then_loopback_is_no_longer_trusted(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using var site = app.WithWebHostBuilder(b => b
            .UseSetting("TMSSW_KNOWN_PROXIES", "10.20.0.0/16")
            .UseSetting("TMSSW_ALLOWED_HOSTS", PublicHost));
        var server = site.Server;

        var configured = await SendAsync(server, IPAddress.Parse("10.20.3.4"), "203.0.113.7", "https");
        Assert.StartsWith("max-age=", configured.Response.Headers.StrictTransportSecurity.ToString());

        var loopback = await SendAsync(server, Proxy, "203.0.113.7", "https");
        Assert.Empty(loopback.Response.Headers.StrictTransportSecurity.ToString());
    }
}
