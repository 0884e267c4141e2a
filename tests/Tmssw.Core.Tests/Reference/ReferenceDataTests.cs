using Tmssw.Core.Reference;

namespace Tmssw.Core.Tests.Reference;

public sealed class ReferenceDataTests
{
    [Fact]
    public void Every_iso_country_is_there_once_with_an_m49_region()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.Equal(249, Countries.All.Select(c => c.Alpha2).Distinct().Count());
        Assert.All(Countries.All.Where(c => c.Alpha2 != "AQ"), c => Assert.NotEmpty(c.Region));
        Assert.Equal("Latin America and the Caribbean", Countries.FindByCode("EC")!.WorldRegion);
        Assert.Equal("Sub-Saharan Africa", Countries.FindByCode("KE")!.WorldRegion);
        Assert.Equal("Americas", Countries.FindByCode("ec")!.Region);
    }

    [Theory]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Cote d'Ivoire", "CI")]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("usa", "US")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("MEX", "MX")]
    [InlineData("philippines", "PH")]
    public void Names_codes_and_aliases_resolve(string text, string alpha2) =>
        Assert.Equal(alpha2, Countries.Resolve(text)?.Alpha2);

    [Fact]
    public void Near_misses_get_a_suggestion_not_a_guess()
    {
        Assert.Null(Countries.Resolve("Cote d Ivoir"));
        Assert.Contains(Countries.Suggest("Cote d Ivoir"), c => c.Alpha2 == "CI");
    }

    [Fact]
    public void Cities_have_real_time_zones()
    {
        Assert.Equal("America/Phoenix", CityCatalog.Get("phoenix").TimeZone);
        Assert.Equal("America/Denver", CityCatalog.Get("salt-lake-city").TimeZone);
        foreach (var city in CityCatalog.All)
        {
            Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone));
        }

        // On the same May day, Phoenix keeps standard time and Salt Lake City does not.
        var may = new DateTime(2024, 5, 8, 12, 0, 0);
        Assert.Equal(TimeSpan.FromHours(-7), TimeZoneInfo.FindSystemTimeZoneById("America/Phoenix").GetUtcOffset(may));
        Assert.Equal(TimeSpan.FromHours(-6), TimeZoneInfo.FindSystemTimeZoneById("America/Denver").GetUtcOffset(may));
    }

    [Fact]
    public void Languages_and_themes_resolve_by_tag_or_name()
    {
        Assert.Equal("es", Languages.Resolve("Spanish")?.Tag);
        Assert.Equal("fr", Languages.Resolve("FR")?.Tag);
        Assert.Equal("narcotics", Themes.Resolve("Narcotics and synthetic opioids")?.Code);
        Assert.Null(Themes.Resolve("piracy"));
    }
}
