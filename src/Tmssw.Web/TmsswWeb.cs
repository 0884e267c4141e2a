using Tmssw.Core;
using Tmssw.Core.Data;
using Tmssw.Web.Startup;

namespace Tmssw.Web;

/// <summary>Builds the web application; the <c>tmssw serve</c> command and the tests start it the same way.</summary>
public static class TmsswWeb
{
    public static async Task<WebApplication> BuildAsync(string[] args, DatabaseSetting? setting = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        setting ??= DatabaseSetting.Resolve(builder.Configuration["db"]);
        builder.Services.AddTmsswCore(setting);
        builder.Services.AddRazorPages();

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.MapRazorPages();

        await FirstStart.RunAsync(app.Services, app.Logger);
        return app;
    }
}
