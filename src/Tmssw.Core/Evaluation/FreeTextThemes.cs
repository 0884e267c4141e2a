namespace Tmssw.Core.Evaluation;

/// <summary>The free-text answers of one theme: how many, and the answers themselves (null when too few to quote safely).</summary>
public sealed record ThemeAnswers(string Theme, int Count, IReadOnlyList<string>? Answers);

/// <summary>
/// Free-text answers grouped by the theme of the question they answer (or "General" for a question with
/// no theme); blank answers are not counted. The answers of a theme are quoted only when there are at
/// least <see cref="SmallCells.Threshold"/> of them, so a lone answer in a small theme cannot be traced.
/// Largest theme first, then by name.
/// </summary>
public static class FreeTextThemes
{
    public const string General = "General";

    public static IReadOnlyList<ThemeAnswers> Group(IEnumerable<(string? Theme, string? Text)> answers) =>
        answers
            .Where(a => !string.IsNullOrWhiteSpace(a.Text))
            .GroupBy(a => string.IsNullOrWhiteSpace(a.Theme) ? General : a.Theme!.Trim(), StringComparer.Ordinal)
            .Select(g =>
            {
                var texts = g.Select(a => a.Text!.Trim()).ToList();
                return new ThemeAnswers(g.Key, texts.Count, SmallCells.MayShow(texts.Count) ? texts.Order(StringComparer.Ordinal).ToList() : null);
            })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();
}
