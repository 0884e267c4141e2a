using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Tmssw.Core.Participants;

namespace Tmssw.Web.Shared;

/// <summary>
/// A small horizontal bar chart as inline SVG: no script and no inline style, so it passes the
/// Content-Security-Policy; the label lists every value for screen readers.
/// </summary>
public static class SvgBarChart
{
    public static IHtmlContent Render(string title, IReadOnlyList<CountBy> counts)
    {
        const int rowHeight = 22;
        var max = Math.Max(1, counts.Count == 0 ? 1 : counts.Max(c => c.Count));
        var e = HtmlEncoder.Default;
        var label = title + ": " + string.Join(", ", counts.Select(c => $"{c.Key} {c.Count}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 400 {Math.Max(1, counts.Count) * rowHeight}\" width=\"100%\" role=\"img\" aria-label=\"{e.Encode(label)}\">");
        for (var i = 0; i < counts.Count; i++)
        {
            var c = counts[i];
            var w = Math.Max(2, 180.0 * c.Count / max);
            var y = i * rowHeight;
            var key = c.Key.Length > 30 ? c.Key[..29] + "…" : c.Key;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1b2430\">{e.Encode(key)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"200\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"14\" fill=\"#0b4f8a\"></rect>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{205 + w:0.#}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1b2430\">{c.Count}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
