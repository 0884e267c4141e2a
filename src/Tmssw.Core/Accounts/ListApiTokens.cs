using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Accounts;

/// <summary>One API token as its owner (or an Admin) sees it: never the token itself.</summary>
public sealed record ApiTokenRow(int Id, string Name, string UserId, string Owner, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset ExpiresAt, string? RevokedReason)
{
    /// <summary>"Active", "Expired" or "Revoked (reason)", as of <paramref name="now"/>.</summary>
    public string State(DateTimeOffset now) =>
        RevokedAt is not null ? $"Revoked{(RevokedReason is null ? "" : $" ({RevokedReason})")}"
        : ExpiresAt <= now ? "Expired"
        : "Active";
}

/// <summary>A person's own tokens, and for an Admin everyone else's (<see cref="UserScope.MayManageToken"/>).</summary>
public sealed record ApiTokenList(IReadOnlyList<ApiTokenRow> Mine, IReadOnlyList<ApiTokenRow> Others);

/// <summary>A person lists the API tokens they may manage: live ones first, newest first.</summary>
public sealed class ListApiTokens(TmsswDbContext db)
{
    public async Task<ApiTokenList> RunAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        var query = db.ApiTokens.AsNoTracking();
        if (!scope.IsAdmin)
        {
            query = query.Where(t => t.UserId == scope.UserId);
        }

        var rows = await query
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.Email })
            .ToListAsync(cancellationToken);
        var all = rows
            .Select(r => new ApiTokenRow(r.Token.Id, r.Token.Name, r.Token.UserId, r.Email ?? r.Token.UserId, r.Token.CreatedAt, r.Token.RevokedAt, r.Token.Expiry, r.Token.RevokedReason))
            .Where(r => scope.MayManageToken(r.UserId))
            .OrderBy(r => r.RevokedAt is not null).ThenByDescending(r => r.CreatedAt)
            .ToList();
        var mine = all.Where(r => r.UserId == scope.UserId).ToList();
        var others = all.Where(r => r.UserId != scope.UserId).OrderBy(r => r.Owner).ThenBy(r => r.RevokedAt is not null).ToList();
        return new ApiTokenList(mine, others);
    }
}
