using System.Globalization;
using SkiaSharp;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// The evaluation report as a PDF made on the server (SkiaSharp, as the program book; DejaVu Sans via
/// <see cref="PdfText"/>): A4, headings, paragraphs, tables with fixed columns, and bar charts drawn as
/// rectangles with the numbers written beside them. Suppressed numbers read "&lt;5".
/// </summary>
public static class EvaluationReportPdf
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 45f;
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    private abstract record Block;

    private sealed record Heading(string Text, float Size = 14f) : Block;

    private sealed record Para(string Text, bool Muted = false) : Block;

    /// <summary>A table row: cells and their share of the width.</summary>
    private sealed record Row(string[] Cells, float[] Widths, bool Bold = false) : Block;

    /// <summary>A bar: a label, a fraction of the full width (null: none drawn) and the text beside it.</summary>
    private sealed record Bar(string Label, double? Fraction, string Text) : Block;

    public static byte[] Render(EvaluationReport r)
    {
        var blocks = Compose(r);
        using var output = new MemoryStream();
        using var text = new PdfText();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = $"Evaluation report {r.Year}", Creator = "TMSSW", Producer = "TMSSW (SkiaSharp)" }))
        {
            using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            using var blue = new SKPaint { Color = new SKColor(0x0b, 0x4f, 0x8a), IsAntialias = true };
            var canvas = document.BeginPage(PageWidth, PageHeight);
            var y = Margin;
            var page = 1;
            void Ensure(float height)
            {
                if (y + height <= PageHeight - Margin)
                {
                    return;
                }

                Footer(canvas, text, grey, page);
                document.EndPage();
                canvas = document.BeginPage(PageWidth, PageHeight);
                page++;
                y = Margin;
            }

            const float width = PageWidth - (2 * Margin);
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Heading h:
                        {
                            using var font = text.Font(h.Size, true);
                            var lines = text.Wrap(h.Text, font, width);
                            Ensure((lines.Count + 2) * h.Size * 1.35f);
                            y += h.Size * 0.8f;
                            foreach (var line in lines)
                            {
                                y += h.Size;
                                text.DrawLine(canvas, line, Margin, PageWidth - Margin, y, font, black, false);
                                y += h.Size * 0.35f;
                            }

                            break;
                        }

                    case Para p:
                        {
                            using var font = text.Font(9.5f, false);
                            foreach (var line in text.Wrap(p.Text, font, width))
                            {
                                Ensure(13f);
                                y += 9.5f;
                                text.DrawLine(canvas, line, Margin, PageWidth - Margin, y, font, p.Muted ? grey : black, false);
                                y += 3.5f;
                            }

                            y += 2f;
                            break;
                        }

                    case Row row:
                        {
                            using var font = text.Font(8.5f, row.Bold);
                            var columns = row.Cells.Select((c, i) => text.Wrap(c, font, (width * row.Widths[i]) - 4)).ToList();
                            var height = (Math.Max(1, columns.Max(c => c.Count)) * 11f) + 3f;
                            Ensure(height);
                            var x = Margin;
                            for (var i = 0; i < columns.Count; i++)
                            {
                                var lineY = y;
                                foreach (var line in columns[i])
                                {
                                    lineY += 8.5f;
                                    text.DrawLine(canvas, line, x, x + (width * row.Widths[i]) - 4, lineY, font, black, false);
                                    lineY += 2.5f;
                                }

                                x += width * row.Widths[i];
                            }

                            y += height;
                            break;
                        }

                    case Bar bar:
                        {
                            using var font = text.Font(8.5f, false);
                            Ensure(14f);
                            var label = text.Wrap(bar.Label, font, (width * 0.45f) - 4).FirstOrDefault() ?? [];
                            text.DrawLine(canvas, label, Margin, Margin + (width * 0.45f), y + 9f, font, black, false);
                            var barLeft = Margin + (width * 0.45f);
                            var barWidth = bar.Fraction is { } f ? Math.Max(1f, (float)(width * 0.4f * Math.Clamp(f, 0, 1))) : 0f;
                            if (bar.Fraction is not null)
                            {
                                canvas.DrawRect(barLeft, y + 2f, barWidth, 9f, blue);
                            }

                            text.DrawLine(canvas, [bar.Text], barLeft + barWidth + 4f, PageWidth - Margin, y + 9f, font, black, false);
                            y += 14f;
                            break;
                        }
                }
            }

            Footer(canvas, text, grey, page);
            document.EndPage();
            document.Close();
        }

        return output.ToArray();
    }

    private static List<Block> Compose(EvaluationReport r)
    {
        var b = new List<Block>
        {
            new Heading($"Evaluation report {r.Year}", 20f),
            new Para(r.Title),
            new Para($"{r.ParticipantCount} participants counted (confirmed, traveling or completed). Cells under {SmallCells.Threshold} are suppressed (\"{SmallCells.Mark}\"), with a further cell where the total would reveal them.", Muted: true),
            new Heading("Response rates by survey"),
        };
        b.AddRange(r.Surveys.Select(s => (Block)new Bar($"{s.Kind}: {s.Title}", s.ResponseRate, $"{Pct(s.ResponseRate)} ({s.Responded} of {s.Invited})")));
        if (r.Surveys.Count == 0)
        {
            b.Add(new Para("No survey yet.", Muted: true));
        }

        b.Add(new Heading("Objectives"));
        foreach (var o in r.Objectives)
        {
            b.Add(new Heading($"Objective {o.Number}: {o.Text}", 11.5f));
            b.Add(new Para($"Reached {o.ParticipantsReached} of {r.ParticipantCount} participants through {o.ServedBy.Count} meetings, items and sessions."));
            float[] w = [0.12f, 0.5f, 0.18f, 0.2f];
            b.Add(new Row(["Kind", "What served it", "Where", "Reached"], w, Bold: true));
            b.AddRange(o.ServedBy.Select(s => (Block)new Row([s.Kind, s.Title, s.Where ?? "", $"{s.ParticipantsReached} ({s.Basis})"], w)));
            foreach (var q in o.Questions)
            {
                b.Add(new Para($"{q.Survey} · {q.Text}: {q.N} answers{(q.Mean is { } m ? $", mean {m.ToString("0.00", Ci)}" : "")}"
                    + (q.Distribution.Cells.Count > 0 ? $" — {string.Join(", ", q.Distribution.Cells.Select(c => $"{c.Key}: {c.Text}"))}" : "")));
            }
        }

        b.Add(new Heading("Before and after (paired questions)"));
        b.Add(new Para("95% confidence interval by the " + r.PairMethod + ".", Muted: true));
        float[] pw = [0.4f, 0.08f, 0.12f, 0.12f, 0.1f, 0.18f];
        b.Add(new Row(["Question", "n", "Before", "After", "Shift", "95% CI"], pw, Bold: true));
        b.AddRange(r.Pairs.Select(p => (Block)new Row([p.Question, p.N.ToString(Ci), Num(p.MeanBefore), Num(p.MeanAfter), Num(p.Shift),
            p.CiLow is { } lo && p.CiHigh is { } hi ? $"{lo.ToString("0.00", Ci)} to {hi.ToString("0.00", Ci)}" : SmallCells.Mark], pw)));

        b.Add(new Heading("New professional connections"));
        b.AddRange(r.Connections.Select(c => (Block)new Para(
            $"{c.Survey} · {c.Question}: {c.Answered} answered; {Num(c.ReportedAny)} reported at least one; {Num(c.TotalConnections)} in all; mean {Num(c.MeanPerRespondent)}.")));

        b.Add(new Heading("Free-text answers by theme"));
        foreach (var t in r.FreeText)
        {
            b.Add(new Heading($"{t.Theme} ({t.Count})", 10.5f));
            b.AddRange(t.Answers is null
                ? [new Para($"Fewer than {SmallCells.Threshold} answers: not quoted.", Muted: true)]
                : t.Answers.Select(a => (Block)new Para("“" + a + "”")));
        }

        b.Add(new Heading("Participation"));
        foreach (var (name, table) in new[] { ("Region", r.Participation.Region), ("Country", r.Participation.Country), ("Sector", r.Participation.Sector), ("Gender", r.Participation.Gender) })
        {
            b.Add(new Heading($"By {name.ToLowerInvariant()} (total {table.TotalText})", 10.5f));
            var max = Math.Max(1, table.Cells.Max(c => c.Count ?? 0));
            b.AddRange(table.Cells.Select(c => (Block)new Bar(c.Key, c.Count is { } n ? (double)n / max : null, c.Text)));
        }

        b.Add(new Heading("Indicators and targets"));
        float[] iw = [0.46f, 0.1f, 0.1f, 0.1f, 0.24f];
        b.Add(new Row(["Indicator", "Target", "Actual", "Result", "Basis"], iw, Bold: true));
        b.AddRange(r.Indicators.Select(i => (Block)new Row([$"{i.Number}. {i.Text}", $"{i.Target.ToString("0.#", Ci)}%",
            i.Actual is { } a ? $"{a.ToString("0.#", Ci)}%" : "—", i.Met switch { true => "met", false => "not met", _ => "not measured" }, i.Basis], iw)));
        return b;
    }

    private static string Pct(double rate) => (100 * rate).ToString("0.#", Ci) + "%";

    private static string Num(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.00", Ci) : SmallCells.Mark;

    private static string Num(int? value) => value is { } v ? v.ToString(Ci) : SmallCells.Mark;

    private static void Footer(SKCanvas canvas, PdfText text, SKPaint paint, int page)
    {
        using var font = text.Font(8f, false);
        text.DrawLine(canvas, [page.ToString(Ci)], Margin, PageWidth - Margin, PageHeight - (Margin / 2), font, paint, false, centre: true);
    }
}
