using QRCoder;
using SkiaSharp;

namespace Tmssw.Core.Itineraries;

/// <summary>One name badge: the name as written, the country, the role and the signed token for its QR code.</summary>
public sealed record Badge(string Name, string Country, string Role, string Token);

/// <summary>
/// A PDF sheet of name badges, six to an A4 page (two columns, three rows, cut lines drawn), each
/// with the name as written (any script: shaped, right to left where it is Arabic), the country,
/// the role and a QR code of its token drawn as vector squares (QRCoder computes the modules).
/// </summary>
public static class BadgeSheetPdf
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 30f;
    private const int Columns = 2;
    private const int Rows = 3;

    public static byte[] Render(IReadOnlyList<Badge> badges, string title)
    {
        using var output = new MemoryStream();
        using var text = new PdfText();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = title, Creator = "TMSSW", Producer = "TMSSW (SkiaSharp)" }))
        {
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
            using var grey = new SKPaint { Color = new SKColor(0x44, 0x44, 0x44), IsAntialias = true };
            using var cut = new SKPaint { Color = new SKColor(0xAA, 0xAA, 0xAA), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([4f, 3f], 0) };
            var cellWidth = (PageWidth - (2 * Margin)) / Columns;
            var cellHeight = (PageHeight - (2 * Margin)) / Rows;
            using var generator = new QRCodeGenerator();
            var perPage = Columns * Rows;
            for (var start = 0; start < Math.Max(1, badges.Count); start += perPage)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                for (var i = start; i < Math.Min(badges.Count, start + perPage); i++)
                {
                    var cell = i - start;
                    var x = Margin + (cell % Columns * cellWidth);
                    var y = Margin + (cell / Columns * cellHeight);
                    canvas.DrawRect(x, y, cellWidth, cellHeight, cut);
                    DrawBadge(canvas, text, generator, badges[i], new SKRect(x, y, x + cellWidth, y + cellHeight), black, grey);
                }

                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }

    private static void DrawBadge(SKCanvas canvas, PdfText text, QRCodeGenerator generator, Badge badge, SKRect cell, SKPaint black, SKPaint grey)
    {
        var pad = 16f;
        var rtl = PdfText.Direction(badge.Name) == true;
        var y = cell.Top + pad;
        using var nameFont = text.Font(20f, true);
        foreach (var line in text.Wrap(badge.Name, nameFont, cell.Width - (2 * pad)).Take(2))
        {
            y += 22f;
            text.DrawLine(canvas, line, cell.Left + pad, cell.Right - pad, y, nameFont, black, rtl, centre: true);
        }

        using var small = text.Font(12f, false);
        y += 20f;
        text.DrawLine(canvas, badge.Country.Split(' ', StringSplitOptions.RemoveEmptyEntries), cell.Left + pad, cell.Right - pad, y, small, grey, false, centre: true);
        y += 16f;
        text.DrawLine(canvas, badge.Role.Split(' ', StringSplitOptions.RemoveEmptyEntries), cell.Left + pad, cell.Right - pad, y, small, grey, false, centre: true);

        // The QR code: quiet zone included, as large as the rest of the cell allows.
        using var data = generator.CreateQrCode(badge.Token, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var side = Math.Min(cell.Width - (2 * pad), cell.Bottom - pad - (y + 8f));
        var module = side / modules;
        var left = cell.MidX - (side / 2);
        var top = y + 8f;
        for (var r = 0; r < modules; r++)
        {
            for (var c = 0; c < modules; c++)
            {
                if (matrix[r][c])
                {
                    canvas.DrawRect(left + (c * module), top + (r * module), module, module, black);
                }
            }
        }
    }
}
