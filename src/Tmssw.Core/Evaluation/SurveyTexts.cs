using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Evaluation;

/// <summary>Reads the per-language texts typed in the builder into a <see cref="LocalizedText"/>, with errors keyed "Field.lang".</summary>
internal static class SurveyTexts
{
    public static LocalizedText Read(string field, string label, IReadOnlyDictionary<string, string?>? typed, int max, bool required, Dictionary<string, string> errors)
    {
        var text = new LocalizedText();
        foreach (var (language, value) in typed ?? new Dictionary<string, string?>())
        {
            if (!TravellerText.IsSupported(language))
            {
                errors[$"{field}.{language}"] = $"{label}: '{Clip(language)}' is not a language of the program ({string.Join(", ", TravellerText.Languages)}).";
                continue;
            }

            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length > max)
            {
                errors[$"{field}.{language}"] = $"{label} ({language}) is {trimmed.Length} characters; at most {max}.";
                continue;
            }

            if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                errors[$"{field}.{language}"] = $"{label} ({language}) contains control characters.";
                continue;
            }

            text.Set(language, trimmed);
        }

        if (required && text.En.Length == 0 && !errors.ContainsKey($"{field}.en"))
        {
            errors[$"{field}.en"] = $"{label} (English) is required; the other languages fall back to it.";
        }

        return text;
    }

    public static string Clip(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
