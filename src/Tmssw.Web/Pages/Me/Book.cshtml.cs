using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Me;

/// <summary>
/// The program book of the person signed in: an HTML page with a print style sheet, or
/// <c>?format=pdf</c> the PDF made on the server; in the page's language unless <c>?language=</c> names another of the six.
/// </summary>
[Authorize(Policy = Policies.Traveller)]
public sealed class BookModel(GetOwnItinerary own, CurrentUser current) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? language, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var mine = await own.RunAsync(scope, cancellationToken);
        var lang = TravellerText.IsSupported(language) ? language! : Startup.TravellerLocalization.Current;
        var book = ProgramBook.Compose(mine.Itinerary, lang);
        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            return File(ProgramBookPdf.Render(book), "application/pdf", $"program-book-{mine.Itinerary.EditionYear}-{book.Language}.pdf");
        }

        string T(string key) => TravellerText.Get(key, book.Language);
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var nav = $"<nav class=\"noprint\" aria-label=\"{encoder.Encode(T("MyBook"))}\"><a href=\"/me\">{encoder.Encode(T("MyProfile"))}</a> · "
            + $"<a href=\"/me/book?format=pdf&amp;language={book.Language}\">{encoder.Encode(T("DownloadPdf"))}</a></nav>";
        return Content(ProgramBookHtml.Render(book, "/me/book?handler=Css", nav), "text/html; charset=utf-8");
    }

    /// <summary>The book's screen and print style sheet (the site's CSP allows no inline styles).</summary>
    public IActionResult OnGetCss() => Content(ProgramBookHtml.Css, "text/css; charset=utf-8");
}
