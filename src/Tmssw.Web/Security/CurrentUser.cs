using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Web.Security;

/// <summary>
/// The signed-in person's <see cref="UserScope"/>, loaded once per request. The account row comes from the
/// authentication step when it already read it (<see cref="Remember"/>: the cookie's session check or the API
/// token's lookup), so a request reads it once.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, TmsswDbContext db)
{
    private static readonly object ItemKey = new();

    /// <summary>Keeps the account (read with its edition assignments) for this request's <see cref="CurrentUser"/>.</summary>
    public static void Remember(HttpContext context, AppUser user) => context.Items[ItemKey] = user;

    private UserScope? scope;
    private bool loaded;

    public async Task<UserScope?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (loaded)
        {
            return scope;
        }

        loaded = true;
        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal?.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }

        var user = http.HttpContext?.Items[ItemKey] is AppUser read && read.Id == id
            ? read
            : await db.Users.AsNoTracking().Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();

        // An alumnus is a Participant whose record is Completed: read from the data on every request, so the
        // capability follows the status (no role to grant or forget).
        var alumnus = roles.Contains(Roles.Participant)
            ? await Core.Alumni.AlumnusFacts.LoadAsync(db, user.ParticipantId, cancellationToken)
            : null;
        scope = new UserScope(
            user.Id,
            user.Email ?? user.UserName ?? user.Id,
            roles,
            user.EditionAssignments.Select(a => a.EditionId).ToHashSet(),
            user.Country,
            user.CityId,
            user.GroupId,
            user.ParticipantId,
            alumnus);
        return scope;
    }

    /// <summary>For pages behind a policy: the scope is there, or the request was refused earlier.</summary>
    public async Task<UserScope> RequireAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(cancellationToken) ?? throw new InvalidOperationException("No signed-in user behind an authorized page.");
}
