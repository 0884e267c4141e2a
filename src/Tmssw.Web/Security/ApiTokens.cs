using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Web.Security;

/// <summary>
/// Personal API tokens: <c>Authorization: Bearer tmssw_…</c>. Only the SHA-256 of a token is stored,
/// so a database leak gives no usable token; a revoked token stops working at once.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TmsswDbContext db,
    UserManager<AppUser> users)
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

        var hash = ApiTokenService.Hash(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked, or its account is locked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName ?? user.Id),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
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

/// <summary>Creates and revokes personal API tokens; the clear token is returned once.</summary>
public sealed class ApiTokenService(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<string> CreateAsync(string userId, string name, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = "tmssw_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var entity = new ApiToken { UserId = userId, Name = name.Trim(), TokenHash = Hash(token), CreatedAt = clock.GetUtcNow() };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(actor, "TokenCreated", "ApiToken", entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [new("Name", null, entity.Name), new("UserId", null, userId)]);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public async Task<bool> RevokeAsync(int tokenId, UserScope by, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.RevokedAt == null, cancellationToken);
        if (token is null || !by.MayManageToken(token.UserId))
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow();
        audit.Record(by.Actor, "TokenRevoked", "ApiToken", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), [new("Name", token.Name, token.Name)]);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
