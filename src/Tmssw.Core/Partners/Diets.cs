namespace Tmssw.Core.Partners;

/// <summary>
/// What a home dinner must respect, read from a participant's free-text dietary and accessibility needs:
/// diet codes a household may say it cannot serve, and whether the person needs a step-free home.
/// Unrecognized dietary text is kept as "other" so the partner reads it, but places nobody out.
/// </summary>
public static class Diets
{
    /// <summary>The codes, each with the words that name it in a nomination (English; lower case).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Codes = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["halal"] = ["halal"],
        ["kosher"] = ["kosher"],
        ["vegetarian"] = ["vegetarian"],
        ["vegan"] = ["vegan"],
        ["no-pork"] = ["no pork", "pork-free", "without pork"],
        ["no-shellfish"] = ["shellfish", "seafood"],
        ["gluten-free"] = ["gluten", "celiac", "coeliac"],
        ["nut-free"] = ["nut", "peanut"],
        ["lactose-free"] = ["lactose", "dairy"],
        ["no-alcohol"] = ["alcohol"],
    };

    private static readonly string[] MobilityWords = ["wheelchair", "mobility", "walk", "stairs", "step", "crutch", "cane", "walker"];

    /// <summary>The diet codes a text names (a halal diet also rules out pork).</summary>
    public static IReadOnlyList<string> Of(string? dietaryNeeds)
    {
        if (string.IsNullOrWhiteSpace(dietaryNeeds))
        {
            return [];
        }

        var text = dietaryNeeds.ToLowerInvariant();
        var codes = Codes.Where(c => c.Value.Any(w => text.Contains(w, StringComparison.Ordinal))).Select(c => c.Key).ToList();
        if (codes.Contains("vegan") && codes.Contains("vegetarian"))
        {
            codes.Remove("vegetarian");
        }

        return codes;
    }

    /// <summary>Whether the accessibility needs call for a step-free home (mobility, not e.g. hearing).</summary>
    public static bool NeedsStepFree(string? accessibilityNeeds) =>
        !string.IsNullOrWhiteSpace(accessibilityNeeds)
        && MobilityWords.Any(w => accessibilityNeeds.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Codes from a form or file: known ones kept (lower case), unknown ones returned apart.</summary>
    public static (List<string> Known, List<string> Unknown) Parse(IEnumerable<string> codes)
    {
        var known = new List<string>();
        var unknown = new List<string>();
        foreach (var raw in codes.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct())
        {
            (Codes.ContainsKey(raw) ? known : unknown).Add(raw);
        }

        return (known, unknown);
    }
}
