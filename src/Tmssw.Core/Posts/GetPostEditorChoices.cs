using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Posts;

/// <summary>What the editor offers: the editions whose posts this person may write (newest first), whether "no edition" is allowed, and the themes.</summary>
public sealed record PostEditorChoices(IReadOnlyList<int> EditionYears, bool MayWriteWithoutEdition, IReadOnlyList<Reference.Theme> Themes);

public sealed class GetPostEditorChoices(TmsswDbContext db)
{
    public async Task<PostEditorChoices> RunAsync(UserScope scope, CancellationToken ct = default)
    {
        if (!scope.WritesPosts)
        {
            throw new OutOfScopeException("posts");
        }

        var editions = await db.Editions.AsNoTracking().OrderByDescending(e => e.Year).Select(e => new { e.Id, e.Year }).ToListAsync(ct);
        return new PostEditorChoices(
            [.. editions.Where(e => scope.MayWritePost(e.Id)).Select(e => e.Year)],
            scope.MayWritePost(null),
            Reference.Themes.All);
    }
}
