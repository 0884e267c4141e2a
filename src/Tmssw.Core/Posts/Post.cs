namespace Tmssw.Core.Posts;

/// <summary>A news item on the public pages ("Latest Conversations"); the body is Markdown.</summary>
public sealed class Post
{
    public int Id { get; set; }
    public int? EditionId { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public bool IsPublished { get; set; } = true;
}
