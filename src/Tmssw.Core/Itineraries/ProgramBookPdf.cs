using SkiaSharp;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// The program book as a PDF made on the server (SkiaSharp, MIT; not PDFsharp, whose licence is
/// AGPL): A4, the cover on its own page, then the blocks of <see cref="ProgramBook.Compose"/> flowing
/// over as many pages as they need, right to left for Arabic.
/// </summary>
public static class ProgramBookPdf
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 50f;

    public static byte[] Render(ProgramBookContent book)
    {
        using var output = new MemoryStream();
        Render(book, output);
        return output.ToArray();
    }

    public static void Render(ProgramBookContent book, Stream output)
    {
        using var text = new PdfText();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = book.Title,
            Creator = "TMSSW",
            Producer = "TMSSW (SkiaSharp)",
        };
        using var document = SKDocument.CreatePdf(output, metadata);
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
        using var rule = new SKPaint { Color = new SKColor(0x88, 0x88, 0x88), StrokeWidth = 0.8f, IsAntialias = true };
        var rtl = book.RightToLeft;
        SKCanvas canvas = document.BeginPage(PageWidth, PageHeight);
        var y = Margin;
        var onCover = true;
        var page = 1;

        void NewPage()
        {
            Footer(canvas, text, grey, page, rtl);
            document.EndPage();
            canvas = document.BeginPage(PageWidth, PageHeight);
            page++;
            y = Margin;
        }

        foreach (var block in book.Blocks)
        {
            if (onCover && block.Kind == BookBlockKind.Heading)
            {
                onCover = false;
                NewPage();
            }

            var (size, bold, before, paint, indent) = block.Kind switch
            {
                BookBlockKind.Title => (onCover ? 26f : 20f, true, onCover ? 40f : 10f, black, 0f),
                BookBlockKind.CoverLine => (14f, false, 10f, black, 0f),
                BookBlockKind.Heading => (16f, true, 18f, black, 0f),
                BookBlockKind.Day => (13f, true, 14f, black, 0f),
                BookBlockKind.EntryHeading => (10.5f, true, 7f, block.Cancelled ? grey : black, 0f),
                BookBlockKind.EntryDetail => (9.5f, false, 1.5f, grey, 14f),
                BookBlockKind.Note => (9f, false, 4f, grey, 0f),
                _ => (10.5f, false, 4f, black, 0f),
            };
            using var font = text.Font(size, bold);
            var lineHeight = size * 1.35f;
            var lines = text.Wrap(block.Text, font, PageWidth - (2 * Margin) - indent);
            if (y + before + (lineHeight * Math.Min(lines.Count, 2)) > PageHeight - Margin)
            {
                NewPage();
            }
            else
            {
                y += before;
            }

            foreach (var line in lines)
            {
                if (y + lineHeight > PageHeight - Margin)
                {
                    NewPage();
                }

                y += size;
                var left = Margin + (rtl ? 0 : indent);
                var right = PageWidth - Margin - (rtl ? indent : 0);
                var width = text.DrawLine(canvas, line, left, right, y, font, paint, rtl, centre: onCover);
                if (block.Cancelled)
                {
                    var start = rtl ? right - width : left;
                    canvas.DrawLine(start, y - (size * 0.3f), start + width, y - (size * 0.3f), rule);
                }

                y += lineHeight - size;
            }

            if (block.Kind == BookBlockKind.Day)
            {
                canvas.DrawLine(Margin, y + 2, PageWidth - Margin, y + 2, rule);
                y += 4;
            }
        }

        Footer(canvas, text, grey, page, rtl);
        document.EndPage();
        document.Close();
    }

    private static void Footer(SKCanvas canvas, PdfText text, SKPaint paint, int page, bool rtl)
    {
        using var font = text.Font(8f, false);
        text.DrawLine(canvas, [page.ToString(System.Globalization.CultureInfo.InvariantCulture)], Margin, PageWidth - Margin, PageHeight - (Margin / 2), font, paint, rtl, centre: true);
    }
}
