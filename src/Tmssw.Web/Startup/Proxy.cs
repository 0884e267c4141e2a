using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Tmssw.Web.Startup;

/// <summary>
/// Running behind the TLS proxy (nginx): the client's address and scheme are read from
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> only when the request comes from a configured
/// proxy (<c>TMSSW_KNOWN_PROXIES</c>: addresses or networks such as <c>10.0.0.5;10.1.0.0/16</c>;
/// default loopback), so the rate limits count the real client and a client cannot pretend to be
/// another. Every cookie is <c>Secure</c> when the request was HTTPS, and HTTPS answers carry HSTS
/// (not for localhost). Host names are filtered by <c>TMSSW_ALLOWED_HOSTS</c> (or <c>AllowedHosts</c>;
/// default <c>localhost;127.0.0.1;[::1]</c>).
/// </summary>
public static class Proxy
{
    public const string KnownProxiesVariable = "TMSSW_KNOWN_PROXIES";
    public const string AllowedHostsVariable = "TMSSW_ALLOWED_HOSTS";
    public const string DefaultAllowedHosts = "localhost;127.0.0.1;[::1]";

    public static IServiceCollection AddTmsswProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration[KnownProxiesVariable];
        var networks = Networks(proxies);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        var hosts = (configuration[AllowedHostsVariable] is { Length: > 0 } h ? h
            : configuration["AllowedHosts"] is { Length: > 0 } a ? a
            : DefaultAllowedHosts)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            o.AllowedHosts = hosts;
            o.AllowEmptyHosts = false;
        });

        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseTmsswProxy(this IApplicationBuilder app) => app
        .UseForwardedHeaders()
        .UseHsts()
        .UseCookiePolicy();

    /// <summary>The proxies' addresses or networks; loopback when none is configured.</summary>
    public static IReadOnlyList<IPNetwork> Networks(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in configured.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException($"{KnownProxiesVariable}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        return networks;
    }
}
