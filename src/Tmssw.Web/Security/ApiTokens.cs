using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Web.Security;

/// <summary>
/// Personal API tokens: <c>Authorization: Bearer tmssw_…</c>. Only the SHA-256 of a token is stored,
/// so a database leak gives no usable token; a revoked or expired token stops working at once
/// (a password change or a lock revokes them all).
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TmsswDbContext db,
    UserManager<AppUser> users,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiToken.HashOf(header["Bearer ".Length..].Trim());
        // One round trip for the token, its account with its edition assignments, and the account's roles.
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users.Include(u => u.EditionAssignments), t => t.UserId, u => u.Id, (t, u) => new
            {
                Token = t,
                User = u,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = clock.GetUtcNow();
        var user = found is null || !found.Token.IsLive(now) ? null : found.User;
        if (user is null || (users.SupportsUserLockout && user.LockoutEnabled && user.LockoutEnd > now))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked, expired, or its account is locked.");
        }

        CurrentUser.Remember(Context, user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
        };
        claims.AddRange(found!.Roles.OfType<string>().Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>A 401 tells programs how to authenticate (RFC 6750).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"tmssw\"";
        return base.HandleChallengeAsync(properties);
    }
}
