namespace Tmssw.Core.Posts;

/// <summary>Where a post stands at a given instant: only <see cref="Published"/> ones are public.</summary>
public enum PostState
{
    Draft,
    Scheduled,
    Published,
}

/// <summary>
/// A news item on the public pages ("Latest Conversations"); the body is Markdown (sanitized when
/// shown). A draft (<see cref="IsPublished"/> false) is private to those who may write it; a
/// published post whose <see cref="PublishedAt"/> is still ahead is scheduled and appears only
/// from then on (a filter on the clock, no background job).
/// </summary>
public sealed class Post
{
    public const int TitleMax = 200;
    public const int SummaryMax = 300;
    public const int BodyMax = 100_000;

    public int Id { get; set; }

    /// <summary>The edition tag; null for a post about the initiative as a whole (Admins write those).</summary>
    public int? EditionId { get; set; }

    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";

    /// <summary>Shown in the list and the feed; when empty, the body's first paragraph.</summary>
    public string? Summary { get; set; }

    public string BodyMarkdown { get; set; } = "";
    public string Author { get; set; } = "";

    /// <summary>Theme codes from <see cref="Reference.Themes"/>.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>When the post is (or becomes) public; for a draft, when it was created.</summary>
    public DateTimeOffset PublishedAt { get; set; }

    public bool IsPublished { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PostImage> Images { get; set; } = [];

    public PostState StateAt(DateTimeOffset now) =>
        !IsPublished ? PostState.Draft : PublishedAt > now ? PostState.Scheduled : PostState.Published;
}

/// <summary>
/// An image uploaded with a post, as the server re-encoded it (decoded, resized, metadata gone). Kept
/// in the database so that every app instance serves it; public once its post is.
/// </summary>
public sealed class PostImage
{
    public int Id { get; set; }
    public int PostId { get; set; }

    /// <summary>The random file name in the image's URL (32 hex digits and the extension of the stored format).</summary>
    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public byte[] Content { get; set; } = [];
    public string? OriginalName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public string Url => "/conversations/images/" + Name;
}
