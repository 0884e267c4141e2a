using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// The program book as one HTML page with a print style sheet: the same blocks as the PDF, with
/// <c>lang</c> and <c>dir</c> set for the reader's language (right to left for Arabic). With a
/// style sheet address the page links it (the web app serves <see cref="Css"/>, whose CSP forbids
/// inline styles); without one the CSS is inlined so a saved file prints the same.
/// </summary>
public static class ProgramBookHtml
{
    /// <summary>Screen and print styles; the print part starts the day-by-day on a new page and keeps items whole.</summary>
    public const string Css = """
        body { font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; line-height: 1.45; color: #111; }
        .cover { text-align: center; padding: 3rem 0; border-bottom: 2px solid #333; margin-bottom: 2rem; }
        .cover h1 { font-size: 2rem; margin: 0 0 1rem; }
        .cover .owner { font-size: 1.6rem; font-weight: bold; margin: 1.5rem 0 .5rem; }
        h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { margin: 1.5rem 0 .3rem; }
        .entry { margin: .6rem 0; break-inside: avoid; page-break-inside: avoid; }
        .entry .head { font-weight: bold; }
        .entry .detail { color: #444; font-size: .92rem; margin-inline-start: 1rem; }
        .entry.cancelled { text-decoration: line-through; color: #666; }
        .note { color: #555; font-size: .9rem; }
        ul.plain { list-style: none; padding: 0; }
        @media print {
            body { margin: 0; max-width: none; font-size: 10.5pt; }
            .cover { page-break-after: always; break-after: page; border: none; padding-top: 30%; }
            .noprint { display: none; }
            a { color: inherit; text-decoration: none; }
            h2, h3 { break-after: avoid; page-break-after: avoid; }
        }
        @page { size: A4; margin: 18mm; }
        """;

    // Names and words in any script as written, not as numeric character references.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(ProgramBookContent book, string? stylesheetHref = null, string? extraHtml = null)
    {
        static string E(string s) => Encoder.Encode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(book.Language).Append("\" dir=\"").Append(book.RightToLeft ? "rtl" : "ltr").Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(book.Title)).Append("</title>\n");
        if (stylesheetHref is null)
        {
            html.Append("<style>\n").Append(Css).Append("\n</style>\n");
        }
        else
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(E(stylesheetHref)).Append("\">\n");
        }

        html.Append("</head>\n<body>\n");
        if (extraHtml is not null)
        {
            html.Append(extraHtml).Append('\n');
        }

        html.Append("<main>\n<section class=\"cover\">\n");
        var inCover = true;
        var inList = false;
        var inEntry = false;

        void CloseList()
        {
            if (inList)
            {
                html.Append("</ul>\n");
                inList = false;
            }
        }

        void CloseEntry()
        {
            if (inEntry)
            {
                html.Append("</div>\n");
                inEntry = false;
            }
        }

        var titles = 0;
        foreach (var b in book.Blocks)
        {
            if (b.Kind != BookBlockKind.EntryDetail)
            {
                CloseEntry();
            }

            if (b.Kind is not (BookBlockKind.Contact or BookBlockKind.RosterLine))
            {
                CloseList();
            }

            if (inCover && b.Kind == BookBlockKind.Heading)
            {
                html.Append("</section>\n");
                inCover = false;
            }

            switch (b.Kind)
            {
                case BookBlockKind.Title:
                    html.Append(titles++ == 0 ? "<h1>" : "<p class=\"owner\">").Append(E(b.Text)).Append(titles == 1 ? "</h1>\n" : "</p>\n");
                    break;
                case BookBlockKind.CoverLine:
                    html.Append("<p>").Append(E(b.Text)).Append("</p>\n");
                    break;
                case BookBlockKind.Heading:
                    html.Append("<h2>").Append(E(b.Text)).Append("</h2>\n");
                    break;
                case BookBlockKind.Day:
                    html.Append("<h3>").Append(E(b.Text)).Append("</h3>\n");
                    break;
                case BookBlockKind.Contact or BookBlockKind.RosterLine:
                    if (!inList)
                    {
                        html.Append("<ul class=\"plain\">\n");
                        inList = true;
                    }

                    html.Append("<li>").Append(E(b.Text)).Append("</li>\n");
                    break;
                case BookBlockKind.EntryHeading:
                    html.Append("<div class=\"entry").Append(b.Cancelled ? " cancelled" : "").Append("\">\n<div class=\"head\">").Append(E(b.Text)).Append("</div>\n");
                    inEntry = true;
                    break;
                case BookBlockKind.EntryDetail:
                    html.Append("<div class=\"detail\">").Append(E(b.Text)).Append("</div>\n");
                    break;
                case BookBlockKind.Note:
                    html.Append("<p class=\"note\">").Append(E(b.Text)).Append("</p>\n");
                    break;
                default:
                    html.Append("<p>").Append(E(b.Text)).Append("</p>\n");
                    break;
            }
        }

        CloseEntry();
        CloseList();
        if (inCover)
        {
            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
