using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Tests.Itineraries;

public sealed class TravellerTextTests
{
    [Fact]
    public void Every_key_is_translated_in_every_language()
    {
        var keys = TravellerText.Keys();
        Assert.NotEmpty(keys);
        var missing = TravellerText.Languages.Where(l => l != "en")
            .SelectMany(l => keys.Except(TravellerText.KeysOf(l)).Select(k => $"{l}:{k}"))
            .ToList();
        Assert.True(missing.Count == 0, "missing translations: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_language_carries_a_key_the_neutral_file_lacks()
    {
        var keys = TravellerText.Keys().ToHashSet();
        foreach (var language in TravellerText.Languages.Where(l => l != "en"))
        {
            Assert.Empty(TravellerText.KeysOf(language).Except(keys));
        }
    }

    [Fact]
    public void Translations_differ_from_english_where_the_words_differ()
    {
        Assert.NotEqual(TravellerText.Get("Today", "en"), TravellerText.Get("Today", "ar"));
        Assert.Equal("Hoy", TravellerText.Get("Today", "es"));
        Assert.Equal("Сегодня", TravellerText.Get("Today", "ru"));
    }
}
