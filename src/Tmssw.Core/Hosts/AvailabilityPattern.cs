using System.Globalization;
using System.Text.RegularExpressions;

namespace Tmssw.Core.Hosts;

/// <summary>
/// A host's weekly availability written the way local partners say it: <c>Mon-Fri 13:00-17:00; Wed 09:00-12:00</c>.
/// </summary>
public static partial class AvailabilityPattern
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>The windows the pattern gives on the given days, in local time.</summary>
    public static List<OfferWindow> Expand(string pattern, IEnumerable<DateOnly> days)
    {
        var windows = new List<OfferWindow>();
        foreach (var part in pattern.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = Part().Match(part);
            if (!m.Success)
            {
                throw new FormatException($"'{part}' is not an availability like 'Mon-Fri 13:00-17:00'.");
            }

            var first = Array.IndexOf(DayNames, m.Groups["d1"].Value);
            var last = m.Groups["d2"].Success ? Array.IndexOf(DayNames, m.Groups["d2"].Value) : first;
            var from = TimeOnly.ParseExact(m.Groups["t1"].Value, "HH:mm", CultureInfo.InvariantCulture);
            var to = TimeOnly.ParseExact(m.Groups["t2"].Value, "HH:mm", CultureInfo.InvariantCulture);
            foreach (var day in days.Where(d => (int)d.DayOfWeek >= first && (int)d.DayOfWeek <= last))
            {
                windows.Add(new OfferWindow { Start = day.ToDateTime(from), End = day.ToDateTime(to) });
            }
        }

        return [.. windows.OrderBy(w => w.Start)];
    }

    [GeneratedRegex(@"^(?<d1>Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(?<d2>Mon|Tue|Wed|Thu|Fri|Sat|Sun))?\s+(?<t1>\d{2}:\d{2})-(?<t2>\d{2}:\d{2})$")]
    private static partial Regex Part();
}
