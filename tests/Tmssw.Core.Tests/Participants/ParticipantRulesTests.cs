using System.Globalization;
using System.Text;
using Tmssw.Core.Participants;
using Xunit.Abstractions;

namespace Tmssw.Core.Tests.Participants;

/// <summary>The one set of participant rules (issue 10): strict facts, tolerant vocabulary, nothing thrown.</summary>
public sealed class ParticipantRulesTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2025, 1, 15);

    private static ParticipantText Row(string? dob = null, string? sector = null, string? themes = null, string? languages = null, string? interpretation = null) =>
        new("Ana", "Pérez", "EC", "F", sector, null, null, themes, languages, interpretation, null, null, null, dob, null, null);

    [Theory]
    [InlineData("0/5/1980")]
    [InlineData("5/0/1980")]
    [InlineData("00/00/0000")]
    [InlineData("0/0/1980")]
    [InlineData("13/13/1980")]
    [InlineData("1980-13-01")]
    [InlineData("1980-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("31/04/1980")]
    [InlineData("29.02.1981")]
    [InlineData("0 March 1980")]
    [InlineData("32 March 1980")]
    [InlineData("12 March 0000")]
    [InlineData("١٢/٠٣/١٩٨٠")]
    [InlineData("١٩٨٠-٠٣-١٢")]
    [InlineData("12 March ١٩٨٠")]
    [InlineData("१२/०३/१९८०")]
    [InlineData("99999999999999999999999")]
    [InlineData("12 March 99999999999999999999")]
    [InlineData("99999999999999999999 March 1980")]
    [InlineData("1e308")]
    [InlineData("-1")]
    public void An_impossible_date_is_an_error_with_a_reason_never_an_exception(string text)
    {
        var check = ParticipantRules.Check(Row(dob: text), Today);
        Assert.Null(check.Values);
        var error = Assert.Single(check.Errors);
        Assert.Equal(ParticipantField.DateOfBirth, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Digits_of_another_script_are_named_as_such()
    {
        var (_, error) = ParticipantRules.DateOfBirth("١٢/٠٣/١٩٨٠", Today);
        Assert.Contains("digits of another script", error);
    }

    [Fact]
    public void Day_zero_with_a_small_month_is_not_read_as_ambiguous()
    {
        var (value, error) = ParticipantRules.DateOfBirth("0/5/1980", Today);
        Assert.Null(value);
        Assert.Contains("not a real date", error);
    }

    [Fact]
    public void Random_text_in_every_field_ends_in_a_value_or_errors()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        string Noise()
        {
            var length = random.Next(0, 40);
            var sb = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                // Mostly printable, with digits of other scripts, lone surrogates, controls and separators.
                sb.Append(random.Next(10) switch
                {
                    0 => (char)random.Next(0, 32),
                    1 => (char)random.Next(0x0660, 0x066A),
                    2 => (char)random.Next(0xD800, 0xE000),
                    3 => "/.-;,|"[random.Next(6)],
                    4 => (char)random.Next('0', '9' + 1),
                    _ => (char)random.Next(32, 0x3000),
                });
            }

            return sb.ToString();
        }

        for (var i = 0; i < 3000; i++)
        {
            var text = new ParticipantText(Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise(), Noise());
            var check = ParticipantRules.Check(text, Today);
            Assert.True(check.Values is not null || check.Errors.Count > 0, $"seed {seed}, case {i}");
        }
    }

    [Theory]
    [InlineData("no", "no")]
    [InlineData("tn", "tn")]
    [InlineData("ga", "ga")]
    [InlineData("cy", "cy")]
    [InlineData("eu", "eu")]
    [InlineData("is", "is")]
    [InlineData("nb", "nb")]
    [InlineData("Norwegian", "no")]
    [InlineData("Tswana", "tn")]
    [InlineData("Irish", "ga")]
    [InlineData("Welsh", "cy")]
    [InlineData("deu", "de")]
    [InlineData("ger", "de")]
    [InlineData("fre", "fr")]
    [InlineData("spa", "es")]
    [InlineData("Deutsch", "de")]
    [InlineData("norsk", "no")]
    [InlineData("español", "es")]
    [InlineData("Espanol", "es")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("pt_br", "pt-BR")]
    [InlineData("zh-Hant", "zh-Hant")]
    [InlineData("fil", "fil")]
    public void Every_language_the_platform_knows_is_known(string text, string tag)
    {
        var (value, error) = ParticipantRules.Language(text);
        Assert.Null(error);
        Assert.Equal(tag, value);
    }

    [Fact]
    public void Every_neutral_culture_of_the_platform_resolves_by_its_codes_and_english_name()
    {
        var cultures = CultureInfo.GetCultures(CultureTypes.NeutralCultures).Where(c => c.Name.Length > 0).ToList();
        Assert.True(cultures.Count > 200, $"only {cultures.Count} neutral cultures: is ICU missing?");
        foreach (var c in cultures)
        {
            Assert.NotNull(Tmssw.Core.Reference.Languages.Resolve(c.TwoLetterISOLanguageName));
            Assert.NotNull(Tmssw.Core.Reference.Languages.Resolve(c.ThreeLetterISOLanguageName));
            Assert.NotNull(Tmssw.Core.Reference.Languages.Resolve(c.EnglishName));
        }
    }

    [Theory]
    [InlineData("Spanih", "Spanish")]
    [InlineData("Portugese", "Portuguese")]
    [InlineData("Norwegain", "Norwegian")]
    public void A_near_miss_gets_a_suggestion(string text, string suggestion)
    {
        var (value, error) = ParticipantRules.Language(text);
        Assert.Null(value);
        Assert.Contains($"did you mean {suggestion}", error);
    }

    [Theory]
    [InlineData("qq")]
    [InlineData("xz")]
    [InlineData("Klingonese")]
    public void Not_a_language_gets_no_suggestion_of_a_different_language(string text)
    {
        var (value, error) = ParticipantRules.Language(text);
        Assert.Null(value);
        Assert.DoesNotContain("did you mean", error);
    }

    [Theory]
    [InlineData("Police", "law-enforcement")]
    [InlineData("National Police", "law-enforcement")]
    [InlineData("Ministry of the Interior", "law-enforcement")]
    [InlineData("Prosecutors", "prosecution")]
    [InlineData("Attorney General's Office", "prosecution")]
    [InlineData("Fiscalía", "prosecution")]
    [InlineData("Judges", "judiciary")]
    [InlineData("Courts", "judiciary")]
    [InlineData("Customs", "border-customs")]
    [InlineData("Immigration", "border-customs")]
    [InlineData("FIU", "financial-intelligence")]
    [InlineData("Prison service", "corrections")]
    [InlineData("Defence", "security-defense")]
    [InlineData("Armed forces", "security-defense")]
    [InlineData("Government", "government-policy")]
    [InlineData("Law enforcement", "law-enforcement")]
    [InlineData("law-enforcement", "law-enforcement")]
    public void Sector_words_an_embassy_writes_are_understood(string text, string code)
    {
        var check = ParticipantRules.Check(Row(sector: text), Today);
        Assert.Empty(check.Warnings);
        Assert.Equal(code, check.Values!.Sector);
    }

    [Fact]
    public void An_unknown_sector_is_kept_as_written_with_a_warning_not_an_error()
    {
        var check = ParticipantRules.Check(Row(sector: "Fisheries inspectorate"), Today);
        Assert.Empty(check.Errors);
        Assert.Equal("Fisheries inspectorate", check.Values!.Sector);
        var warning = Assert.Single(check.Warnings);
        Assert.Equal(ParticipantField.Sector, warning.Field);
        Assert.Contains("kept as written", warning.Message);

        var near = ParticipantRules.Check(Row(sector: "Judicary"), Today);
        Assert.Contains("Did you mean Judiciary", Assert.Single(near.Warnings).Message);
    }

    [Fact]
    public void Themes_match_synonyms_and_keep_unknown_words_with_a_warning()
    {
        var check = ParticipantRules.Check(Row(themes: "Human trafficking; Drugs; Anti-corruption; Cyber crime; Space law"), Today);
        Assert.Empty(check.Errors);
        Assert.Equal(["trafficking-in-persons", "narcotics", "corruption", "cybercrime", "Space law"], check.Values!.Themes);
        Assert.Contains("\"Space law\"", Assert.Single(check.Warnings).Message);
    }

    [Fact]
    public void Facts_stay_strict()
    {
        var check = ParticipantRules.Check(new ParticipantText("Ana", "Pérez", "Narnia", "F", PersonalEmail: "ana@example", DateOfBirth: "2020-01-01", Languages: "Klingonese"), Today);
        Assert.Null(check.Values);
        Assert.Equal(
            [ParticipantField.Country, ParticipantField.Languages, ParticipantField.DateOfBirth, ParticipantField.PersonalEmail],
            check.Errors.Select(e => e.Field).OrderBy(f => f).ToArray());
    }

    [Fact]
    public void Required_fields_lengths_and_normalization_are_one_set()
    {
        var missing = ParticipantRules.Check(new ParticipantText(" ", null, "", "  "), Today);
        Assert.Equal(ParticipantRules.Required, missing.Errors.Select(e => e.Field).ToArray());

        var check = ParticipantRules.Check(
            new ParticipantText("  Émilie ".Normalize(NormalizationForm.FormD), "Durand", "fr", "female", PassportNumber: "ab 123-456", PersonalPhone: "+33  1 23 45 67 89", PersonalEmail: "e@example.fr"),
            Today);
        var v = check.Values!;
        Assert.Equal(("Émilie", "FR", "F", "AB123456", "+33 1 23 45 67 89"), (v.GivenName, v.Country, v.Gender, v.PassportNumber, v.PersonalPhone));
        Assert.True(v.GivenName.IsNormalized(NormalizationForm.FormC));

        Assert.Contains("at most 500", ParticipantRules.Check(new ParticipantText("A", "B", "EC", "F", DietaryNeeds: new string('x', 501)), Today).Errors.Single().Message);
        Assert.Empty(ParticipantRules.Check(new ParticipantText("A", "B", "EC", "F", DietaryNeeds: new string('x', 500)), Today).Errors);
        Assert.Contains("at most 40", ParticipantRules.Check(new ParticipantText("A", "B", "EC", "F", PersonalPhone: "+1 " + new string('5', 40)), Today).Errors.Single().Message);
    }
}
