using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Startup;

/// <summary>
/// The participants' pages (everything under /me) in English, Spanish, French, Arabic, Russian or
/// Portuguese with standard ASP.NET Core localization: the words come from the
/// <see cref="TravellerText"/> resource files through <c>IStringLocalizer&lt;TravellerText&gt;</c>; the
/// language is the one chosen with the switcher (kept in the standard culture cookie), else the
/// participant's interpretation language, else English. The rest of the site stays as it is.
/// </summary>
public static class TravellerLocalization
{
    public static IServiceCollection AddTravellerLocalization(this IServiceCollection services) => services.AddLocalization();

    /// <summary>After authentication: the participant's own default needs to know who they are.</summary>
    public static IApplicationBuilder UseTravellerLocalization(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/me"), me => me.UseRequestLocalization(Options()));

    public static RequestLocalizationOptions Options()
    {
        var cultures = TravellerText.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(InterpretationLanguageAsync),
        ];
        return options;
    }

    /// <summary>Sets the chosen language for the next requests (the standard culture cookie, a year).</summary>
    public static void Choose(HttpResponse response, string language)
    {
        var code = TravellerText.Resolve(language);
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps });
    }

    /// <summary>The language the current request is in (one of the six).</summary>
    public static string Current => TravellerText.Resolve(CultureInfo.CurrentUICulture.Name);

    private static async Task<ProviderCultureResult?> InterpretationLanguageAsync(HttpContext context)
    {
        var scope = await context.RequestServices.GetRequiredService<CurrentUser>().GetAsync(context.RequestAborted);
        if (scope?.ParticipantId is not { } id)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<TmsswDbContext>();
        var language = await db.Participants.Where(p => p.Id == id).Select(p => p.InterpretationLanguage).FirstOrDefaultAsync(context.RequestAborted);
        return language is null ? null : new ProviderCultureResult(TravellerText.Resolve(null, language));
    }
}
