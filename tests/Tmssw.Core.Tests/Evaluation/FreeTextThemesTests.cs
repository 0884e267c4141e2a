using Tmssw.Core.Evaluation;

namespace Tmssw.Core.Tests.Evaluation;

public sealed class FreeTextThemesTests
{
    [Fact]
    public void Answers_are_counted_per_theme_blank_ones_dropped_and_small_themes_not_quoted()
    {
        var answers = new List<(string?, string?)>();
        answers.AddRange(Enumerable.Range(1, 6).Select(i => ((string?)"Task forces", (string?)$"answer {i}")));
        answers.Add(("Cyber", "one voice"));
        answers.Add(("Cyber", "   "));
        answers.Add((null, "no theme"));

        var groups = FreeTextThemes.Group(answers);

        Assert.Equal(["Task forces", "Cyber", FreeTextThemes.General], groups.Select(g => g.Theme));
        Assert.Equal([6, 1, 1], groups.Select(g => g.Count));
        Assert.Equal(6, groups[0].Answers!.Count);
        Assert.Null(groups[1].Answers);
    }
}
