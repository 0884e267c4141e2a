using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Posts;

namespace Tmssw.Web.Pages.Posts;

/// <summary>Public: the Atom feed (RFC 4287) of the latest posts.</summary>
[AllowAnonymous]
public sealed class FeedModel(ListPosts posts) : PageModel
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var page = await posts.RunAsync(1, 50, cancellationToken);
        var site = $"{Request.Scheme}://{Request.Host}";
        var updated = page.Posts.Count > 0 ? page.Posts.Max(p => p.PublishedAt) : DateTimeOffset.UnixEpoch;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", "Towards a More Safe and Secure World: Latest Conversations"),
            new XElement(Atom + "id", site + "/conversations"),
            new XElement(Atom + "updated", updated.ToString("O")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", site + "/conversations/feed.atom")),
            new XElement(Atom + "link", new XAttribute("href", site + "/conversations")),
            page.Posts.Select(p => new XElement(Atom + "entry",
                new XElement(Atom + "title", p.Title),
                new XElement(Atom + "id", $"{site}/conversations/{p.Slug}"),
                new XElement(Atom + "link", new XAttribute("href", $"{site}/conversations/{p.Slug}")),
                new XElement(Atom + "updated", p.PublishedAt.ToString("O")),
                new XElement(Atom + "author", new XElement(Atom + "name", p.Author)),
                p.Themes.Select(t => new XElement(Atom + "category", new XAttribute("term", t), new XAttribute("label", Tmssw.Core.Reference.Themes.NameOf(t)))),
                new XElement(Atom + "summary", p.Summary ?? Tmssw.Web.Shared.Markdown.Summary(p.BodyMarkdown)),
                new XElement(Atom + "content", new XAttribute("type", "html"), Tmssw.Web.Shared.Markdown.ToSafeHtmlString(p.BodyMarkdown)))));
        return Content(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString(), "application/atom+xml; charset=utf-8");
    }
}
