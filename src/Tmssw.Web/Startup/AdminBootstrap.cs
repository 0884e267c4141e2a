using Microsoft.AspNetCore.Identity;
using Tmssw.Core.Accounts;

namespace Tmssw.Web.Startup;

/// <summary>
/// The first start creates an Admin (<c>TMSSW_ADMIN_EMAIL</c>, default admin@tmssw.local) with
/// <c>TMSSW_ADMIN_PASSWORD</c> or a random password printed once to the console.
/// </summary>
internal static class AdminBootstrap
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = configuration["TMSSW_ADMIN_EMAIL"] is { Length: > 0 } e ? e : "admin@tmssw.local";
        var given = configuration["TMSSW_ADMIN_PASSWORD"];
        var (added, errors) = await services.GetRequiredService<AddUser>().RunAsync(
            new NewUser(email, Roles.Admin, string.IsNullOrEmpty(given) ? null : given, "Administrator"));
        if (added is null)
        {
            throw new InvalidOperationException($"Cannot create the first administrator {email}: {string.Join(" ", errors)}");
        }

        if (added.GeneratedPassword is not null)
        {
            // Printed once, on purpose, so the person who started the app can sign in; never logged elsewhere.
            Console.WriteLine();
            Console.WriteLine($"  First administrator: {email}");
            Console.WriteLine($"  Password (shown once): {added.GeneratedPassword}");
            Console.WriteLine();
        }

        logger.LogInformation("Created the first administrator {Email}.", email);
    }
}
