using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Alumni;

/// <summary>A thread in a list: what its reader may see, decrypted.</summary>
public sealed record ThreadSummary(int Id, string Title, string Theme, Tlp Tlp, string AuthorName, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, int Replies, bool Hidden);

/// <summary>
/// The knowledge exchange's threads the caller may read (<see cref="UserScope.ReadableThreads"/>; null scope:
/// an anonymous visitor, who reads CLEAR only), newest activity first, optionally one theme's. Used by the page,
/// the API and the CLI alike.
/// </summary>
public sealed class ListThreads(TmsswDbContext db, AlumniSecrets secrets)
{
    public const int Max = 200;

    public async Task<IReadOnlyList<ThreadSummary>> RunAsync(UserScope? scope, string? theme = null, CancellationToken cancellationToken = default)
    {
        var query = UserScope.ReadableThreads(scope, db);
        if (Themes.Resolve(theme) is { } t)
        {
            query = query.Where(x => x.Theme == t.Code);
        }

        var replies = UserScope.ReadableReplies(scope, db);
        var rows = await query
            .OrderByDescending(x => x.LastActivityAt).ThenByDescending(x => x.Id)
            .Take(Max)
            .Select(x => new { x.Id, x.TitleProtected, x.Theme, x.Tlp, x.AuthorName, x.CreatedAt, x.LastActivityAt, Replies = replies.Count(r => r.ThreadId == x.Id), Hidden = x.HiddenAt != null })
            .ToListAsync(cancellationToken);
        return rows.Select(x => new ThreadSummary(x.Id, secrets.Unprotect(x.TitleProtected), x.Theme, x.Tlp, x.AuthorName, x.CreatedAt, x.LastActivityAt, x.Replies, x.Hidden)).ToList();
    }
}
