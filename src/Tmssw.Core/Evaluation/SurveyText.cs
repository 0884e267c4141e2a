using System.Globalization;
using System.Resources;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// The words a respondent reads around the survey's own texts (buttons, refusals, errors) in the six
/// languages of the program. The strings live in <c>SurveyText.resx</c> and one <c>SurveyText.{lang}.resx</c>
/// per language; a test fails when a language misses a key.
/// </summary>
public static class SurveyText
{
    private static readonly ResourceManager Resources = new(typeof(SurveyText).FullName!, typeof(SurveyText).Assembly);

    public static string Get(string key, string language) =>
        Resources.GetString(key, TravellerText.CultureOf(language)) ?? Resources.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Format(string key, string language, params object[] args) =>
        string.Format(TravellerText.CultureOf(language), Get(key, language), args);

    /// <summary>A day as the language writes it ("2 December 2026").</summary>
    public static string Day(DateTimeOffset at, string language) => at.UtcDateTime.ToString("D", TravellerText.CultureOf(language));

    /// <summary>Every key of the neutral (English) file, for the completeness test.</summary>
    public static IReadOnlyList<string> Keys() => ResourceKeys.All(Resources);

    /// <summary>The keys one language's own file holds (not falling back to English).</summary>
    public static IReadOnlySet<string> KeysOf(string language) => ResourceKeys.Of(Resources, language);
}
