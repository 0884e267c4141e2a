using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Tmssw.Web.Shared;

/// <summary>
/// Posts are Markdown written by staff; the HTML is sanitized on output, so a script or an event
/// handler in a post never reaches a reader.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static IHtmlContent ToSafeHtml(string markdown) => new HtmlString(ToSafeHtmlString(markdown));

    public static string ToSafeHtmlString(string markdown) => Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The first paragraph as plain text, for lists and the feed.</summary>
    public static string Summary(string markdown, int max = 280)
    {
        var text = Markdig.Markdown.ToPlainText(markdown.Split("\n\n", 2)[0], Pipeline).Trim();
        return text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
