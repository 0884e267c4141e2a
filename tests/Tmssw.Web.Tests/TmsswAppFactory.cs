using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tmssw.Testing;

namespace Tmssw.Web.Tests;

/// <summary>The real app on a fresh database of the given provider; the first start loads the demo.</summary>
public sealed class TmsswAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public static async Task<TmsswAppFactory> StartAsync(Provider provider)
    {
        var factory = new TmsswAppFactory(await TestDatabase.CreateAsync(provider));
        _ = factory.Server;
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", Database.Setting.Value);
        builder.UseEnvironment("Production");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
