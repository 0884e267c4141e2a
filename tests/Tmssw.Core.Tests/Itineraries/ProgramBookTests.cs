using System.Globalization;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Tests.Itineraries;

public sealed class ProgramBookTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("ar")]
    [InlineData("ru")]
    [InlineData("pt")]
    public void Pdf_read_back_by_pdftotext_holds_the_days_names_and_the_languages_month_names(string language)
    {
        var itinerary = TravellerSamples.Participant(language);
        var pdf = ProgramBookPdf.Render(ProgramBook.Compose(itinerary));
        var text = PdfTools.Text(pdf);
        var culture = CultureInfo.GetCultureInfo(language);

        // The month names of the days in the book, in the language (April and May), and each day's weekday.
        foreach (var month in new[] { 4, 5 })
        {
            var genitive = culture.DateTimeFormat.MonthGenitiveNames[month - 1];
            var nominative = culture.DateTimeFormat.MonthNames[month - 1];
            Assert.True(PdfTools.HasWord(text, genitive) || PdfTools.HasWord(text, nominative), $"{language}: no '{nominative}' in\n{text}");
        }

        foreach (var day in itinerary.Entries.Select(e => e.LocalStart.Date).Distinct())
        {
            var weekday = culture.DateTimeFormat.GetDayName(day.DayOfWeek);
            Assert.True(PdfTools.HasWord(text, weekday) || PdfTools.HasWord(text, culture.TextInfo.ToTitleCase(weekday)), $"{language}: no '{weekday}' for {day:yyyy-MM-dd}");
            Assert.Contains(day.Day.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }

        // The book's own words in the language, the names as written (Latin and Arabic), the zones.
        foreach (var word in TravellerText.Get("Objectives", language).Split(' '))
        {
            Assert.True(PdfTools.HasWord(text, word), $"{language}: heading word '{word}' missing");
        }

        Assert.Contains("Haddad", text, StringComparison.Ordinal);
        Assert.Contains("Pereira", text, StringComparison.Ordinal);
        Assert.True(PdfTools.HasWord(text, "الهدى"), "the Arabic name of a group member is missing");
        Assert.Contains("America/Phoenix", text, StringComparison.Ordinal);
        Assert.Contains("Fire Station 1", text, StringComparison.Ordinal);
        Assert.Contains("911", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Arabic_month_names_are_arabic_and_english_ones_are_absent()
    {
        var text = PdfTools.Text(ProgramBookPdf.Render(ProgramBook.Compose(TravellerSamples.Participant("ar"))));
        Assert.True(PdfTools.HasWord(text, "مايو"), "no مايو (May) in the Arabic book");
        Assert.True(PdfTools.HasWord(text, "الأهداف"), "no الأهداف (Objectives) heading");
        Assert.DoesNotContain("May", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Objectives", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Language_defaults_to_interpretation_language_then_english_and_an_asked_language_wins()
    {
        Assert.Equal("es", ProgramBook.Compose(TravellerSamples.Participant("es")).Language);
        Assert.Equal("pt", ProgramBook.Compose(TravellerSamples.Participant("pt-BR")).Language);
        Assert.Equal("en", ProgramBook.Compose(TravellerSamples.Participant(null)).Language);
        Assert.Equal("en", ProgramBook.Compose(TravellerSamples.Participant("tn")).Language);
        Assert.Equal("ru", ProgramBook.Compose(TravellerSamples.Participant("es"), "ru").Language);
        Assert.True(ProgramBook.Compose(TravellerSamples.Participant("ar")).RightToLeft);
    }

    [Fact]
    public void Html_book_has_cover_roster_days_rtl_for_arabic_and_a_print_style_sheet()
    {
        var ar = ProgramBookHtml.Render(ProgramBook.Compose(TravellerSamples.Participant("ar")));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", ar, StringComparison.Ordinal);
        Assert.Contains("@media print", ar, StringComparison.Ordinal);
        Assert.Contains("مايو", ar, StringComparison.Ordinal);

        var fr = ProgramBookHtml.Render(ProgramBook.Compose(TravellerSamples.Participant("fr")), "/book.css");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", fr, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/book.css\">", fr, StringComparison.Ordinal);
        Assert.DoesNotContain("<style>", fr, StringComparison.Ordinal);
        Assert.Contains("mardi 7 mai 2024", fr, StringComparison.Ordinal);
        Assert.Contains("Amira Haddad", fr, StringComparison.Ordinal);
        Assert.Contains("Lucas Pereira · Brazil", fr, StringComparison.Ordinal);
        Assert.Contains("class=\"entry cancelled\"", fr, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_of_an_arabic_line_with_latin_names_keep_each_runs_reading_order()
    {
        // Paragraph right to left: the Latin run stays left to right, runs ordered right to left.
        var visual = PdfText.VisualOrder(["المكان:", "Fire", "Station", "1،", "فينيكس"], rightToLeft: true);
        Assert.Equal(["فينيكس", "Fire", "Station", "1،", "المكان:"], visual);
    }

    [Fact]
    public void An_arabic_time_range_reads_start_then_end_from_the_right()
    {
        var entry = TravellerSamples.Participant("ar").Entries[0];
        var range = ProgramBook.TimeRange(entry, "ar");
        var words = range.Split(' ');
        var visual = PdfText.VisualOrder(words, rightToLeft: true);

        // Left to right on the page: the end's time, then the start's at the right edge where reading begins.
        Assert.Equal("9:00", visual[^1].Replace("\u200F", "", StringComparison.Ordinal)[..4]);
        Assert.StartsWith("11:00", visual.First(w => w.Contains(':', StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
