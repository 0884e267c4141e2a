using System.Globalization;
using System.Resources;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// The keys of a set of resx files, for the tests that prove every language has every text
/// (<see cref="TravellerText"/>, <see cref="Evaluation.SurveyText"/>).
/// </summary>
internal static class ResourceKeys
{
    /// <summary>Every key of the neutral (English) file.</summary>
    public static IReadOnlyList<string> All(ResourceManager resources)
    {
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The keys one language's own file holds with a text (not falling back to English).</summary>
    public static IReadOnlySet<string> Of(ResourceManager resources, string language)
    {
        var set = resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        return set is null
            ? new HashSet<string>()
            : set.Cast<System.Collections.DictionaryEntry>().Where(e => e.Value is string s && s.Length > 0).Select(e => (string)e.Key).ToHashSet();
    }
}
