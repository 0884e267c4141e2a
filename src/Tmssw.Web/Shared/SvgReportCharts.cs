using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Tmssw.Web.Shared;

/// <summary>One bar: its label, its value (null: suppressed or not on file, no bar drawn) and the text written beside it.</summary>
public sealed record ChartBar(string Label, double? Value, string Text);

/// <summary>One paired question's shift with its confidence interval (null when not shown).</summary>
public sealed record ChartShift(string Label, double? Shift, double? Low, double? High, string Text);

/// <summary>
/// The evaluation report's charts as inline SVG: no script and no inline style (CSP), presentation
/// attributes only. Each is an image with a label that says every value, and the page puts the same
/// numbers in a table behind it for screen readers and for reading.
/// </summary>
public static class SvgReportCharts
{
    private const int RowHeight = 22;
    private const string Ink = "#1b2430";
    private const string Bar = "#0b4f8a";
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars scaled to <paramref name="max"/> (e.g. 1 for rates, the largest count for counts).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<ChartBar> bars, double? max = null)
    {
        var top = max ?? Math.Max(1, bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).DefaultIfEmpty(1).Max());
        var e = HtmlEncoder.Default;
        var label = title + ": " + string.Join(", ", bars.Select(b => $"{b.Label} {b.Text}"));
        var sb = new StringBuilder();
        sb.Append(Ci, $"<svg class=\"chart\" viewBox=\"0 0 400 {Math.Max(1, bars.Count) * RowHeight}\" width=\"100%\" role=\"img\" aria-label=\"{e.Encode(label)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * RowHeight;
            sb.Append(Ci, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\" fill=\"{Ink}\">{e.Encode(Short(b.Label))}</text>");
            var w = b.Value is { } v ? Math.Max(2, 150.0 * Math.Clamp(v / top, 0, 1)) : 0;
            if (b.Value is not null)
            {
                sb.Append(Ci, $"<rect x=\"200\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"14\" fill=\"{Bar}\"></rect>");
            }

            sb.Append(Ci, $"<text x=\"{205 + w:0.#}\" y=\"{y + 15}\" font-size=\"12\" fill=\"{Ink}\">{e.Encode(b.Text)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// Each paired question's shift on a scale from −<paramref name="range"/> to +<paramref name="range"/>
    /// (Likert points): a line for the 95% interval, a dot for the mean shift, a vertical line at zero.
    /// </summary>
    public static IHtmlContent Shifts(string title, IReadOnlyList<ChartShift> shifts, double range = 2)
    {
        var e = HtmlEncoder.Default;
        var label = title + ": " + string.Join(", ", shifts.Select(s => $"{s.Label} {s.Text}"));
        var height = (Math.Max(1, shifts.Count) * RowHeight) + 18;
        const double left = 200, width = 190;
        double X(double v) => left + (width * (Math.Clamp(v, -range, range) + range) / (2 * range));
        var sb = new StringBuilder();
        sb.Append(Ci, $"<svg class=\"chart\" viewBox=\"0 0 400 {height}\" width=\"100%\" role=\"img\" aria-label=\"{e.Encode(label)}\">");
        sb.Append(Ci, $"<line x1=\"{X(0):0.#}\" y1=\"0\" x2=\"{X(0):0.#}\" y2=\"{height - 16}\" stroke=\"#6b7480\" stroke-width=\"1\"></line>");
        sb.Append(Ci, $"<text x=\"{left:0.#}\" y=\"{height - 3}\" font-size=\"10\" fill=\"{Ink}\">−{range:0.#}</text>");
        sb.Append(Ci, $"<text x=\"{X(0) - 3:0.#}\" y=\"{height - 3}\" font-size=\"10\" fill=\"{Ink}\">0</text>");
        sb.Append(Ci, $"<text x=\"{left + width - 16:0.#}\" y=\"{height - 3}\" font-size=\"10\" fill=\"{Ink}\">+{range:0.#}</text>");
        for (var i = 0; i < shifts.Count; i++)
        {
            var s = shifts[i];
            var y = i * RowHeight;
            sb.Append(Ci, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\" fill=\"{Ink}\">{e.Encode(Short(s.Label))}</text>");
            if (s.Low is { } lo && s.High is { } hi)
            {
                sb.Append(Ci, $"<line x1=\"{X(lo):0.#}\" y1=\"{y + 11}\" x2=\"{X(hi):0.#}\" y2=\"{y + 11}\" stroke=\"{Bar}\" stroke-width=\"2\"></line>");
            }

            if (s.Shift is { } shift)
            {
                sb.Append(Ci, $"<circle cx=\"{X(shift):0.#}\" cy=\"{y + 11}\" r=\"4\" fill=\"{Bar}\"></circle>");
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static string Short(string text) => text.Length > 30 ? text[..29] + "…" : text;
}
