using System.Text;
using Tmssw.Core.Participants.Export;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Tests.Participants.Import;

public sealed class ImportValuesTests
{
    private static readonly DateOnly Today = new(2025, 1, 15);

    [Theory]
    [InlineData("1980-03-12", "1980-03-12")]
    [InlineData("1980/3/12", "1980-03-12")]
    [InlineData("12 March 1980", "1980-03-12")]
    [InlineData("March 12, 1980", "1980-03-12")]
    [InlineData("12-Mar-1980", "1980-03-12")]
    [InlineData("12th of March 1980", "1980-03-12")]
    [InlineData("12 de marzo de 1980", "1980-03-12")]
    [InlineData("12 février 1980", "1980-02-12")]
    [InlineData("12.03.1980", "1980-03-12")]
    [InlineData("13/03/1980", "1980-03-13")]
    [InlineData("03/13/1980", "1980-03-13")]
    [InlineData("05/05/1980", "1980-05-05")]
    public void Common_date_formats_are_read(string text, string iso)
    {
        var (value, error) = ImportValues.DateOfBirth(text, Today);
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("03/04/1980", "ambiguous")]
    [InlineData("03-04-1980", "ambiguous")]
    [InlineData("12/03/80", "two-digit year")]
    [InlineData("1980-02-30", "not a real date")]
    [InlineData("yesterday", "not a date")]
    [InlineData("2020-01-01", "not plausible")]
    [InlineData("1880-01-01", "not plausible")]
    public void Unclear_dates_are_refused_with_a_reason(string text, string reason)
    {
        var (value, error) = ImportValues.DateOfBirth(text, Today);
        Assert.Null(value);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("ana@example.org", true)]
    [InlineData("a.b+tag@sub.example.co.uk", true)]
    [InlineData("ana@example", false)]
    [InlineData("ana example.org", false)]
    [InlineData("Ana <ana@example.org>", false)]
    [InlineData("ana@@example.org", false)]
    public void Email_syntax(string text, bool valid) => Assert.Equal(valid, ImportValues.Email(text).Error is null);

    [Theory]
    [InlineData("Côte d’Ivoire", "CI")]
    [InlineData("ivory coast", "CI")]
    [InlineData("ECU", "EC")]
    [InlineData("ec", "EC")]
    public void Countries_by_name_alias_or_code(string text, string alpha2) => Assert.Equal(alpha2, ImportValues.Country(text).Alpha2);

    [Fact]
    public void Near_misses_get_suggestions()
    {
        Assert.Contains("Did you mean Côte d'Ivoire", ImportValues.Country("Cote d Ivoir").Error);
        Assert.Contains("did you mean Spanish", ImportValues.Languages("English; Spanih").Error);
        Assert.Contains("Did you mean Corruption", ImportValues.Themes("corruptoin").Warning);
    }

    [Fact]
    public void Lengths_are_bounded()
    {
        Assert.Contains("at most 100", ImportValues.Name(new string('a', 101), "given name").Error);
        Assert.Null(ImportValues.Name(new string('a', 100), "given name").Error);
        Assert.Contains("at most 200", ImportValues.FreeText(new string('a', 201), "agency", 200).Error);
    }

    [Theory]
    [InlineData("header,a\n\"x\ny\",b\nc,d\n", new[] { 1, 2, 4 })]
    [InlineData("header,a\r\n\"x\r\ny\r\nz\",b\r\n\r\nc,d", new[] { 1, 2, 6 })]
    public void Csv_records_keep_the_physical_line_they_start_on(string text, int[] lines) =>
        Assert.Equal(lines, CsvTable.Parse(text, ',').Where(r => !r.IsBlank).Select(r => r.Line));

    [Theory]
    [InlineData("a;b;c\n", ';')]
    [InlineData("a\tb\tc\n", '\t')]
    [InlineData("\"x;y\",b,c\n", ',')]
    public void The_separator_comes_from_the_header(string text, char expected) => Assert.Equal(expected, CsvTable.DetectDelimiter(text));

    [Fact]
    public void Encodings_are_detected()
    {
        Assert.Equal(("Pérez", "windows-1252"), CsvTable.Decode([0x50, 0xE9, 0x72, 0x65, 0x7A]));
        Assert.Equal(("Pérez", "utf-8"), CsvTable.Decode(Encoding.UTF8.GetBytes("Pérez")));
        Assert.Equal(("Pérez", "utf-8-bom"), CsvTable.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Pérez")]));
        Assert.Equal(("Pérez", "utf-16le"), CsvTable.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Pérez")]));
        Assert.Equal(("Pérez", "utf-16be"), CsvTable.Decode([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("Pérez")]));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+593 2 123", "'+593 2 123")]
    [InlineData("-", "'-")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("", "")]
    public void Formula_guard_round_trips(string value, string guarded)
    {
        Assert.Equal(guarded, FormulaGuard.Guard(value));
        Assert.Equal(value, FormulaGuard.Unguard(FormulaGuard.Guard(value)));
    }

    [Theory]
    [InlineData("Given name", NominationField.GivenName)]
    [InlineData("FIRST NAME", NominationField.GivenName)]
    [InlineData(" forename ", NominationField.GivenName)]
    [InlineData("Last name", NominationField.FamilyName)]
    [InlineData("Nationality", NominationField.Country)]
    [InlineData("Passport No.", NominationField.Passport)]
    [InlineData("D.O.B.", NominationField.DateOfBirth)]
    [InlineData("Birth date", NominationField.DateOfBirth)]
    [InlineData("Personal e-mail", NominationField.Email)]
    [InlineData("Job title", NominationField.Position)]
    [InlineData("Interpretation language", NominationField.Interpretation)]
    [InlineData("Organisation", NominationField.Agency)]
    [InlineData("Sex", NominationField.Gender)]
    public void Headers_match_synonyms_in_any_case_and_spacing(string header, NominationField field) => Assert.Equal(field, ColumnMap.Match(header));
}
