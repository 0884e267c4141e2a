using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tmssw.Core;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Web.Api;
using Tmssw.Web.Security;
using Tmssw.Web.Startup;

namespace Tmssw.Web;

/// <summary>Builds the web application; the <c>tmssw serve</c> command and the tests start it the same way.</summary>
public static class TmsswWeb
{
    public const string SignInRateLimit = "signin";
    public const string ApiRateLimit = "api";

    /// <summary>The public guest registration form: sending it (POST) is limited per address; showing it is not.</summary>
    public const string GuestRegistrationRateLimit = "guest-registration";
    private const string CredentialScheme = "CookieOrToken";

    public static async Task<WebApplication> BuildAsync(string[] args, DatabaseSetting? setting = null)
    {
        // The application is this assembly even when the CLI hosts it: that names its pages and its
        // static web assets manifest.
        // Configuration is read at start, not watched: a watcher on the content root (the working directory)
        // wakes on every write under it (the SQLite database in data/, logs an operator keeps there) and cost
        // about a fifth of the throughput in the load benchmark. The argument --hostBuilder:reloadConfigOnChange=true turns it on.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            ApplicationName = typeof(TmsswWeb).Assembly.GetName().Name,
        });

        // wwwroot of this project, also when another project (the CLI) hosts it from the source tree.
        builder.WebHost.UseStaticWebAssets();
        setting ??= DatabaseSetting.Resolve(builder.Configuration["db"]);

        // The console shows what a person running the app needs, not every SQL command.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddTmsswObservability();
        var services = builder.Services;
        services.AddTmsswCore(setting, Core.Data.KeyRingSetting.Resolve(setting, builder.Configuration));
        services.Replace(ServiceDescriptor.Singleton(new Core.Itineraries.CalendarFeedSettings(
            Math.Clamp(builder.Configuration.GetValue("Feeds:CacheSeconds", Core.Itineraries.CalendarFeedSettings.DefaultCacheSeconds), 0, 3600))));
        services.AddTmsswHealth();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddTmsswJobs(builder.Configuration, setting);
        services.AddHostedService<Jobs.OutboxSender>();
        services.AddWebUseCases();
        services.AddTravellerLocalization();

        services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole>(CoreServices.ConfigureIdentity)
            .AddEntityFrameworkStores<TmsswDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "tmssw";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
        });
        services.AddTmsswSessionCheck();
        services.AddTmsswProxy(builder.Configuration);

        // One default that reads either credential, so the user is known before rate limiting
        // (limits per person, not per address) and on every page and endpoint.
        services.AddAuthentication(o => o.DefaultAuthenticateScheme = CredentialScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddPolicyScheme(CredentialScheme, "Cookie or API token", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthorization(Policies.Configure);

        // The pages live in this assembly, which is not the entry assembly under `tmssw serve`.
        services.AddRazorPages()
            .AddMvcOptions(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true) // the use cases validate, with better messages
            .ConfigureApplicationPartManager(parts =>
        {
            var assembly = typeof(TmsswWeb).Assembly;
            if (parts.ApplicationParts.All(p => p.Name != assembly.GetName().Name))
            {
                foreach (var part in Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        // Names in any script are shown as written, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "TMSSW API";
            doc.Info.Description = "Editions, participants (scoped to the caller's role), cities, hosts, offers and groups. Authenticate with a personal API token: Authorization: Bearer tmssw_…";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var signInPerMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 10);
            var apiPerMinute = builder.Configuration.GetValue("RateLimits:ApiPerMinute", 600);
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            var guestRegistrationsPerMinute = builder.Configuration.GetValue("RateLimits:GuestRegistrationsPerMinute", 5);
            o.AddPolicy(GuestRegistrationRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = guestRegistrationsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("show"));
            o.AddPolicy(ApiRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = apiPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });

        var app = builder.Build();
        app.UseTmsswProxy();
        app.UseSecurityHeaders();
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages
            .UseExceptionHandler("/Error")
            .UseStatusCodePagesWithReExecute("/Status", "?code={0}"));

        // A use case's own scope guard: the page or endpoint should have answered 404 already; when one
        // forgot, the answer is the same 404, never a 500 or the data.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Core.Accounts.OutOfScopeException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        app.UseControlCharacterGuard();
        // Files from wwwroot; the API and the calendar feeds (whose .ics would make the middleware look on disk
        // for every fetch) never are.
        app.UseWhen(c => !IsApi(c) && !c.Request.Path.StartsWithSegments("/feeds"), files => files.UseStaticFiles());
        app.UseTmsswObservability();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTravellerLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapTmsswHealth();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapTmsswApi();
        app.MapItineraryFeeds();
        app.MapConferenceFeeds();

        // Anything else is a plain 404 for everyone (not a sign-in redirect from the fallback policy).
        app.MapFallback(() => Results.NotFound()).AllowAnonymous();

        await FirstStart.RunAsync(app.Services, app.Configuration, app.Logger);
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
