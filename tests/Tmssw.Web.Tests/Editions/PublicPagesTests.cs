using System.Net;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Editions;

public sealed class PublicPagesTests
{
    [Theory, ProviderData]
    public async Task The_first_start_serves_the_demo_edition(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var client = app.CreateClient();

        var home = await client.GetStringAsync("/");
        Assert.Contains("Towards a More Safe and Secure World 2024", home);
        Assert.Contains("No figures were published", home);

        var edition = await client.GetStringAsync("/editions/2024");
        Assert.Contains("April 29 – May 17, 2024", edition);
        Assert.Contains("FBI New York Field Office", edition);
        Assert.Contains("Meridian International Center", edition);
        Assert.Contains("Salt Lake City, UT", edition);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/editions/1999")).StatusCode);
    }
}
