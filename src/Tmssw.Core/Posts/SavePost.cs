using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Posts;

/// <summary>A post as the editor or the command line gives it; the edition by its year (none: about the initiative).</summary>
public sealed record PostInput(string? Title, string? Summary, string? Body, IReadOnlyList<string>? Themes = null, int? EditionYear = null);

/// <summary>A problem with one field of a post: the field's name (Title, Summary, Body, Themes, Edition) and what to do.</summary>
public sealed record PostFieldError(string Field, string Message);

public sealed record PostSaveOutcome(int? PostId, IReadOnlyList<PostFieldError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Staff write a new post (a draft) or change one: title, summary, Markdown body, themes and edition.
/// A published post stays published. Audited field by field (the body by length and hash). Someone
/// who may not write the post (<see cref="UserScope.MayWritePost"/>) gets <see cref="OutOfScopeException"/>.
/// </summary>
public sealed class SavePost(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DefaultAuthor = "TMSSW Program Team";

    public async Task<PostSaveOutcome> RunAsync(UserScope scope, int? id, PostInput input, CancellationToken ct = default)
    {
        if (!scope.WritesPosts)
        {
            throw new OutOfScopeException("posts");
        }

        var post = id is { } existing
            ? await scope.WritablePosts(db).FirstOrDefaultAsync(p => p.Id == existing, ct) ?? throw new OutOfScopeException($"post #{existing}")
            : null;

        var errors = new List<PostFieldError>();
        var title = Clean(input.Title);
        if (title.Length == 0)
        {
            errors.Add(new("Title", "Give the post a title."));
        }
        else if (title.Length > Post.TitleMax)
        {
            errors.Add(new("Title", $"The title has {title.Length} characters; at most {Post.TitleMax}."));
        }

        var summary = Clean(input.Summary);
        if (summary.Length > Post.SummaryMax)
        {
            errors.Add(new("Summary", $"The summary has {summary.Length} characters; at most {Post.SummaryMax}."));
        }

        var body = (input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (body.Length == 0)
        {
            errors.Add(new("Body", "Write the post's text (Markdown)."));
        }
        else if (body.Length > Post.BodyMax)
        {
            errors.Add(new("Body", $"The text has {body.Length:N0} characters; at most {Post.BodyMax:N0}."));
        }

        foreach (var (field, value) in new[] { ("Title", title), ("Summary", summary), ("Body", body) })
        {
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new(field, $"The {field.ToLowerInvariant()} contains a NUL character; remove it."));
            }
        }

        var themes = new List<string>();
        foreach (var t in input.Themes ?? [])
        {
            if (string.IsNullOrWhiteSpace(t))
            {
                continue;
            }

            if (Reference.Themes.Resolve(t) is { } theme)
            {
                themes.Add(theme.Code);
            }
            else
            {
                errors.Add(new("Themes", $"\"{Shorten(t)}\" is not a theme; use one of: {string.Join(", ", Reference.Themes.All.Select(x => x.Code))}."));
            }
        }

        int? editionId = null;
        if (input.EditionYear is { } year)
        {
            editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
            if (editionId is null)
            {
                errors.Add(new("Edition", $"There is no {year} edition."));
            }
        }

        if (errors.Count == 0 && !scope.MayWritePost(editionId))
        {
            errors.Add(new("Edition", editionId is null
                ? "Only an administrator writes a post without an edition; choose one of your editions."
                : $"You do not run the {input.EditionYear} edition; choose one of yours."));
        }

        if (errors.Count > 0)
        {
            return new PostSaveOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        var before = post is null ? null : Snapshot(post);
        if (post is null)
        {
            post = new Post
            {
                Slug = await UniqueSlugAsync(title, ct),
                Author = DefaultAuthor,
                IsPublished = false,
                PublishedAt = now,
                CreatedAt = now,
            };
            db.Posts.Add(post);
        }

        post.Title = title;
        post.Summary = summary.Length == 0 ? null : summary;
        post.BodyMarkdown = body;
        post.Themes = [.. themes.Distinct()];
        post.EditionId = editionId;
        var changes = AuditLog.Diff(before ?? [], Snapshot(post));
        if (before is not null && changes.Count == 0)
        {
            return new PostSaveOutcome(post.Id, []);
        }

        post.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        audit.Record(scope.Actor, before is null ? "PostCreated" : "PostChanged", "Post", post.Id.ToString(CultureInfo.InvariantCulture), changes);
        await db.SaveChangesAsync(ct);
        return new PostSaveOutcome(post.Id, []);
    }

    internal static Dictionary<string, string?> Snapshot(Post p) => new()
    {
        ["title"] = p.Title,
        ["summary"] = p.Summary,
        ["body"] = $"{p.BodyMarkdown.Length} characters, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.BodyMarkdown)))[..12]}",
        ["themes"] = string.Join(";", p.Themes),
        ["editionId"] = p.EditionId?.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<string> UniqueSlugAsync(string title, CancellationToken ct)
    {
        var stem = Slug(title);
        var taken = (await db.Posts.Where(p => p.Slug.StartsWith(stem)).Select(p => p.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var slug = stem;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }

    /// <summary>Lower-case ASCII letters and digits joined by hyphens, at most 80 characters ("post" when nothing is left).</summary>
    public static string Slug(string title)
    {
        var plain = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            plain.Append(lower is >= 'a' and <= 'z' or >= '0' and <= '9' ? lower : '-');
        }

        var slug = string.Join('-', plain.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        return slug.Length == 0 ? "post" : slug;
    }

    private static string Clean(string? value) => (value ?? "").Trim();

    private static string Shorten(string value) => value.Length <= 40 ? value.Trim() : value.Trim()[..40] + "…";
}
