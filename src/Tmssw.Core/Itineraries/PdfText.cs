using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// Text for the server-made PDFs (SkiaSharp's PDF back end, MIT): the DejaVu Sans faces shipped in
/// the assembly (Latin, Cyrillic, Arabic), HarfBuzz shaping so Arabic letters join, and a small
/// bidirectional layout: a line is cut into words, each word shaped in its own direction, runs of
/// words of one direction kept together and the runs ordered by the paragraph's direction. Latin
/// names and digits inside an Arabic line so read left to right, Arabic names in a Latin line right to left.
/// </summary>
internal sealed class PdfText : IDisposable
{
    private static readonly Lazy<byte[]> RegularBytes = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load("DejaVuSans-Bold.ttf"));

    private readonly SKTypeface regular;
    private readonly SKTypeface bold;
    private readonly SKShaper regularShaper;
    private readonly SKShaper boldShaper;

    public PdfText()
    {
        regular = SKTypeface.FromData(SKData.CreateCopy(RegularBytes.Value))!;
        bold = SKTypeface.FromData(SKData.CreateCopy(BoldBytes.Value))!;
        regularShaper = new SKShaper(regular);
        boldShaper = new SKShaper(bold);
    }

    public void Dispose()
    {
        regularShaper.Dispose();
        boldShaper.Dispose();
        regular.Dispose();
        bold.Dispose();
    }

    public SKFont Font(float size, bool isBold) => new(isBold ? bold : regular, size);

    /// <summary>The width of one word as shaped.</summary>
    public float Measure(string word, SKFont font) => Shaper(font).Shape(word, font).Width;

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, in logical order.</summary>
    public List<List<string>> Wrap(string text, SKFont font, float width)
    {
        var space = Measure(" ", font);
        var lines = new List<List<string>>();
        var line = new List<string>();
        var used = 0f;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Measure(word, font);
            if (line.Count > 0 && used + space + w > width)
            {
                lines.Add(line);
                line = [];
                used = 0;
            }

            used += (line.Count > 0 ? space : 0) + w;
            line.Add(word);
        }

        if (line.Count > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// Draws one line of words between <paramref name="left"/> and <paramref name="right"/>, aligned to
    /// the paragraph's start side (or centred), words ordered for reading; returns the drawn width.
    /// </summary>
    public float DrawLine(SKCanvas canvas, IReadOnlyList<string> words, float left, float right, float baseline, SKFont font, SKPaint paint, bool rightToLeft, bool centre = false)
    {
        var visual = VisualOrder(words, rightToLeft);
        var space = Measure(" ", font);
        var widths = visual.Select(w => Measure(w, font)).ToList();
        var total = widths.Sum() + (space * Math.Max(0, visual.Count - 1));
        var x = centre ? left + ((right - left - total) / 2) : rightToLeft ? right - total : left;
        var shaper = Shaper(font);
        for (var i = 0; i < visual.Count; i++)
        {
            canvas.DrawShapedText(shaper, visual[i], x, baseline, SKTextAlign.Left, font, paint);
            x += widths[i] + space;
        }

        return total;
    }

    /// <summary>Words in the order they stand on the line from left to right.</summary>
    public static List<string> VisualOrder(IReadOnlyList<string> words, bool rightToLeft)
    {
        // Strong direction per word: true = right to left, false = left to right, null = neutral.
        var strong = words.Select(Direction).ToList();
        var resolved = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (strong[i] is { } s)
            {
                resolved[i] = s;
                continue;
            }

            bool? before = null;
            for (var j = i - 1; j >= 0 && before is null; j--)
            {
                before = strong[j];
            }

            bool? after = null;
            for (var j = i + 1; j < words.Count && after is null; j++)
            {
                after = strong[j];
            }

            resolved[i] = before is { } b && after is { } a && a == b ? a : rightToLeft;
        }

        // Runs of one direction, in logical order.
        var runs = new List<List<string>>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i == 0 || resolved[i] != resolved[i - 1])
            {
                runs.Add([]);
            }

            runs[^1].Add(words[i]);
        }

        var runDirections = new List<bool>();
        for (var i = 0; i < words.Count; i++)
        {
            if (i == 0 || resolved[i] != resolved[i - 1])
            {
                runDirections.Add(resolved[i]);
            }
        }

        var ordered = new List<string>();
        var runOrder = Enumerable.Range(0, runs.Count);
        if (rightToLeft)
        {
            runOrder = runOrder.Reverse();
        }

        foreach (var r in runOrder)
        {
            ordered.AddRange(runDirections[r] ? Enumerable.Reverse(runs[r]) : runs[r]);
        }

        return ordered;
    }

    /// <summary>True for a word with Arabic or Hebrew letters, false for one with other letters or digits, null otherwise.</summary>
    public static bool? Direction(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            {
                return true;
            }

            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return null;
    }

    private SKShaper Shaper(SKFont font) => font.Typeface == bold ? boldShaper : regularShaper;

    private static byte[] Load(string file)
    {
        using var stream = typeof(PdfText).Assembly.GetManifestResourceStream("Tmssw.Fonts." + file)
            ?? throw new InvalidOperationException($"font {file} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
