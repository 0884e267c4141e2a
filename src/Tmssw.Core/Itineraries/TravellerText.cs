using System.Globalization;
using System.Resources;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// The words participants read (the program book, badges, their own pages) in the six languages of
/// the program: English, Spanish, French, Arabic, Russian and Portuguese. The strings live in
/// <c>TravellerText.resx</c> and one <c>TravellerText.{lang}.resx</c> per language; the web pages read
/// the same files through <c>IStringLocalizer&lt;TravellerText&gt;</c>, the PDFs through <see cref="Get"/>.
/// </summary>
public sealed class TravellerText
{
    /// <summary>The languages a participant may choose, English first (the default).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "fr", "ar", "ru", "pt"];

    private static readonly ResourceManager Resources = new(typeof(TravellerText).FullName!, typeof(TravellerText).Assembly);

    private TravellerText()
    {
    }

    /// <summary>
    /// The language to use: the one asked for when it is one of <see cref="Languages"/>, else the
    /// participant's interpretation language when it is, else English. Regional tags ("pt-BR") count as their language.
    /// </summary>
    public static string Resolve(string? requested, string? interpretationLanguage = null)
    {
        foreach (var candidate in new[] { requested, interpretationLanguage })
        {
            if (string.IsNullOrWhiteSpace(candidate))
            {
                continue;
            }

            var code = candidate.Trim().Split('-', '_')[0].ToLowerInvariant();
            if (Languages.Contains(code))
            {
                return code;
            }
        }

        return "en";
    }

    public static bool IsSupported(string? code) => code is not null && Languages.Contains(code);

    public static bool IsRightToLeft(string language) => CultureOf(language).TextInfo.IsRightToLeft;

    /// <summary>The culture whose weekday and month names and date and time patterns the book uses.</summary>
    public static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(Resolve(language));

    /// <summary>The language's own name for itself, for the switcher ("Español", "العربية").</summary>
    public static string NativeName(string language)
    {
        var name = CultureOf(language).NativeName;
        return name.Length == 0 ? language : char.ToUpper(name[0], CultureOf(language)) + name[1..];
    }

    public static string Get(string key, string language) =>
        Resources.GetString(key, CultureOf(language)) ?? Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    /// <summary>Every key of the neutral (English) file, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => ResourceKeys.All(Resources);

    /// <summary>The keys one language's own file holds (not falling back to English).</summary>
    public static IReadOnlySet<string> KeysOf(string language) => ResourceKeys.Of(Resources, language);

    /// <summary>"Thursday, May 2, 2024" in the language's own words and order.</summary>
    public static string LongDate(DateTime day, string language) => day.ToString("D", CultureOf(language));

    /// <summary>"09:00" or "9:00 AM", as the language writes times.</summary>
    public static string Time(DateTime time, string language) => time.ToString("t", CultureOf(language));

    public static string KindName(ItineraryEntryKind kind, string language) => Get("Kind_" + kind, language);

    /// <summary>A zone as a reader knows it: "America/Phoenix (UTC−07:00)" for the item's own day.</summary>
    public static string Zone(string zoneId, DateTime localDay)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(localDay, DateTimeKind.Unspecified));
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return $"{zoneId} (UTC{sign}{abs.Hours:00}:{abs.Minutes:00})";
    }
}
