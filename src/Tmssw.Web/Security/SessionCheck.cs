using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Web.Security;

/// <summary>
/// A lock or a password change ends cookie sessions at their next request: every request compares the
/// cookie's security stamp with the account's (one indexed read of the account, which the request's
/// <see cref="CurrentUser"/> then reuses), instead of Identity's
/// default of checking every 30 minutes and re-issuing the cookie each time it checks. A mismatch
/// signs the cookie out. See docs/operations.md for the measured cost.
/// </summary>
public static class SessionCheck
{
    public static IServiceCollection AddTmsswSessionCheck(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(o => o.Events.OnValidatePrincipal = ValidateAsync);
        return services;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claimType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(claimType);
        // The account with its edition assignments: the stamp to compare, and what CurrentUser needs next.
        var current = id is null
            ? null
            : await http.RequestServices.GetRequiredService<TmsswDbContext>().Users.AsNoTracking()
                .Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == id, http.RequestAborted);
        if (current is null || stamp is null || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        CurrentUser.Remember(http, current);
    }
}
