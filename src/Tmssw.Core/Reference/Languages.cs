namespace Tmssw.Core.Reference;

/// <summary>A language by its BCP 47 tag.</summary>
public sealed record Language(string Tag, string Name, string NativeName);

/// <summary>The common languages of the program's participants and interpreters.</summary>
public static class Languages
{
    private static readonly Lazy<IReadOnlyList<Language>> AllLanguages = new(() =>
        EmbeddedCsv.Read("Tmssw.Reference.languages.csv")
            .Select(r => new Language(r["tag"], r["name"], r["nativeName"]))
            .ToList());

    public static IReadOnlyList<Language> All => AllLanguages.Value;

    /// <summary>By tag ("es", "ES") or English name ("Spanish").</summary>
    public static Language? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return All.FirstOrDefault(l => string.Equals(l.Tag, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Name, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.NativeName, t, StringComparison.OrdinalIgnoreCase));
    }

    public static string NameOf(string tag) => Resolve(tag)?.Name ?? tag;
}
