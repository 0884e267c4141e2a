using System.Text;
using Tmssw.Core.Tabular;
using static Tmssw.Core.Tests.Tabular.HandXlsx;

namespace Tmssw.Core.Tests.Tabular;

/// <summary>The readers from bytes to cells: what they read, and each limit with its message.</summary>
public sealed class TabularReaderTests
{
    private static TabularSheet Ok(TabularRead read)
    {
        Assert.Null(read.Error);
        return read.Sheet!;
    }

    private static TabularError Refused(TabularRead read)
    {
        Assert.Null(read.Sheet);
        return read.Error!;
    }

    private static TabularRead Csv(string text, TabularLimits? limits = null) => TabularFile.Read(Encoding.UTF8.GetBytes(text), "n.csv", null, limits);

    [Fact]
    public void A_csv_is_read_into_rows_with_their_physical_lines()
    {
        var sheet = Ok(Csv("a;b;c\n\n\"x\ny\";2;3\r\n4;\"q\"\"q\";6"));
        Assert.Equal(';', sheet.Delimiter);
        Assert.Equal([1, 3, 5], sheet.Rows.Select(r => r.Line));
        Assert.Equal("x\ny", sheet.Rows[1][0]);
        Assert.Equal("q\"q", sheet.Rows[2][1]);
        Assert.Equal(CellKind.Text, sheet.Rows[2].Cell(0).Kind);
        Assert.Equal(CellKind.Empty, sheet.Rows[2].Cell(9).Kind);
    }

    [Fact]
    public void A_quote_that_never_closes_is_an_error_naming_the_line_it_opened_on()
    {
        var error = Refused(Csv("Given name,Family name\nAna,Ruiz\nLuis,\"Mora\nPia,Soto\nEva,Lund\n"));
        Assert.Equal(TabularErrorKind.Malformed, error.Kind);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("Line 3: the quote (\") that opens a field there is never closed", error.Message);
    }

    [Fact]
    public void A_quoted_field_longer_than_the_limit_names_where_its_quote_opened()
    {
        var error = Refused(Csv("a,b\n1,\"" + new string('x', 200) + "\n", TabularLimits.Default with { MaxFieldLength = 100 }));
        Assert.Equal(TabularErrorKind.TooLarge, error.Kind);
        Assert.Equal(2, error.Line);
        Assert.Contains("closing quote", error.Message);
    }

    [Fact]
    public void Csv_rows_columns_fields_and_size_are_bounded()
    {
        var limits = TabularLimits.Default with { MaxRows = 3, MaxColumns = 4, MaxFieldLength = 10, MaxFileBytes = 1000 };
        Assert.Contains("more than 3 rows", Refused(Csv("h\n1\n2\n3\n", limits)).Message);
        Assert.NotNull(Csv("h\n1\n2\n", limits).Sheet);
        Assert.Contains("column 5", Refused(Csv("a,b,c,d,e\n", limits)).Message);
        Assert.Equal(4, Ok(Csv("a,b,c,d,,,,,,\n", limits)).Rows[0].Cells.Count);
        Assert.Contains("longer than 10 characters", Refused(Csv("abcdefghijk\n", limits)).Message);
        var big = Refused(TabularFile.Read(new byte[1001], "n.csv", null, limits));
        Assert.Equal(TabularErrorKind.TooLarge, big.Kind);
        Assert.Equal("The file is 1,001 bytes; at most 1,000 bytes can be read at once.", big.Message);
    }

    [Fact]
    public void An_empty_csv_is_a_sheet_without_rows_and_binary_is_refused()
    {
        Assert.Empty(Ok(Csv("\n \n")).Rows);
        Assert.Equal(TabularErrorKind.Unsupported, Refused(TabularFile.Read([0x41, 0x00, 0x42], "n.csv")).Kind);
        Assert.Equal(TabularErrorKind.Unsupported, Refused(TabularFile.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "n.xls")).Kind);
    }

    [Fact]
    public void A_workbook_is_read_with_shared_inline_number_and_date_cells()
    {
        var rows = Row(1, InlineCell("A1", "Name"), SharedCell("B1", 0), InlineCell("C1", "Born"))
            + Row(2, InlineCell("A2", "Ana"), NumberCell("B2", "12345678"), NumberCell("C2", "29221", style: 1), NumberCell("D2", "1.5"))
            + Row(4, SharedCell("A4", 7), "<c r=\"B4\" t=\"b\"><v>1</v></c>");
        var sheet = Ok(TabularFile.Read(Zip(Parts(rows, shared: ["Passport"])), "n.xlsx"));
        Assert.Equal("Sheet1", sheet.Sheet);
        Assert.Equal(["Name", "Passport", "Born"], sheet.Rows[0].Cells);
        Assert.Equal("12345678", sheet.Rows[1][1]);
        Assert.Equal(CellKind.Number, sheet.Rows[1].Cell(1).Kind);
        Assert.Equal("1980-01-01", sheet.Rows[1][2]);
        Assert.Equal(new DateOnly(1980, 1, 1), sheet.Rows[1].Cell(2).Date);
        Assert.Equal("1.5", sheet.Rows[1][3]);
        Assert.Equal(4, sheet.Rows[2].Line);
        var problem = Assert.Single(sheet.Rows[2].Problems());
        Assert.Equal(0, problem.Column);
        Assert.Contains("shared string 7", problem.Cell.Problem);
        Assert.Equal(CellKind.Boolean, sheet.Rows[2].Cell(1).Kind);
    }

    [Fact]
    public void A_workbook_on_the_1904_date_system_reads_its_dates_right()
    {
        // 1980-01-01 is serial 29221 on the 1900 system and 27759 on the 1904 system.
        var rows = Row(1, InlineCell("A1", "Born")) + Row(2, NumberCell("A2", "27759", style: 1));
        Assert.Equal("1980-01-01", Ok(TabularFile.Read(Zip(Parts(rows, date1904: true)), "n.xlsx")).Rows[1][0]);
        Assert.Equal("1975-12-31", Ok(TabularFile.Read(Zip(Parts(rows, date1904: false)), "n.xlsx")).Rows[1][0]);
    }

    [Fact]
    public void A_header_merged_over_two_rows_names_each_column()
    {
        var rows = Row(1, InlineCell("A1", "Name"), InlineCell("C1", "Sex"))
            + Row(2, InlineCell("A2", "Given"), InlineCell("B2", "Family"))
            + Row(3, InlineCell("A3", "Ana"), InlineCell("B3", "Ruiz"), InlineCell("C3", "F"));
        var sheet = Ok(TabularFile.Read(Zip(Parts(rows, "<mergeCell ref=\"A1:B1\"/><mergeCell ref=\"C1:C2\"/>")), "n.xlsx"));
        Assert.Equal(["Name", "Name", "Sex"], sheet.Rows[0].Cells);
        Assert.Equal(["Given", "Family", "Sex"], sheet.Rows[1].Cells);
    }

    [Fact]
    public void A_merge_over_the_whole_sheet_is_clipped_to_the_cells_that_hold_data()
    {
        var sheet = Ok(TabularFile.Read(Zip(Parts(NomineeRows(), "<mergeCell ref=\"A1:XFD1048576\"/>")), "n.xlsx"));
        Assert.Equal(3, sheet.Rows.Count);
        Assert.All(sheet.Rows, r => Assert.Equal(4, r.Cells.Count));
        Assert.Equal("Ana", sheet.Rows[1][0]);
    }

    [Fact]
    public void Merges_that_would_fill_more_cells_than_the_limit_are_refused()
    {
        var rows = Row(1, InlineCell("A1", "x")) + Row(300, InlineCell("CV300", "y"));
        var error = Refused(TabularFile.Read(Zip(Parts(rows, "<mergeCell ref=\"A1:CV300\"/>")), "n.xlsx", null, TabularLimits.Default with { MaxCells = 10_000 }));
        Assert.Equal(TabularErrorKind.TooLarge, error.Kind);
        Assert.Contains("merged ranges", error.Message);
    }

    [Theory]
    [InlineData("XFD1048577")]
    [InlineData("A99999999999")]
    [InlineData("AAAA1")]
    public void A_cell_reference_outside_a_worksheet_is_refused(string reference)
    {
        var error = Refused(TabularFile.Read(Zip(Parts(NomineeRows() + $"<row r=\"4\">{InlineCell(reference, "boom")}</row>")), "n.xlsx"));
        Assert.Equal(TabularErrorKind.Malformed, error.Kind);
        Assert.Contains("outside a worksheet", error.Message);
    }

    [Fact]
    public void Data_beyond_the_column_limit_is_refused_and_an_empty_far_cell_is_ignored()
    {
        var far = Refused(TabularFile.Read(Zip(Parts(NomineeRows() + Row(4, InlineCell("XFD1048576", "boom")))), "n.xlsx"));
        Assert.Equal(TabularErrorKind.TooLarge, far.Kind);
        Assert.Contains("XFD1048576", far.Message);
        Assert.Contains("at most 200 columns", far.Message);
        var empty = Ok(TabularFile.Read(Zip(Parts(NomineeRows() + "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"1\"/></row>")), "n.xlsx"));
        Assert.Equal(3, empty.Rows.Count);
    }

    [Fact]
    public void Rows_that_hold_data_are_bounded()
    {
        var rows = string.Concat(Enumerable.Range(1, 20).Select(i => Row(i, InlineCell($"A{i}", "x"))));
        Assert.Contains("more than 10 rows", Refused(TabularFile.Read(Zip(Parts(rows)), "n.xlsx", null, TabularLimits.Default with { MaxRows = 10 })).Message);
    }

    [Fact]
    public void A_shared_strings_part_that_declares_more_than_a_part_may_take_is_refused_before_inflating()
    {
        var bomb = SharedStringsBomb;
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        var error = Refused(TabularFile.Read(bomb, "n.xlsx"));
        Assert.Equal(TabularErrorKind.TooLarge, error.Kind);
        Assert.Contains("xl/sharedStrings.xml of the workbook inflates to more than 48 MB", error.Message);
    }

    [Fact]
    public void A_part_that_inflates_far_beyond_its_compressed_size_is_refused_while_inflating()
    {
        var error = Refused(TabularFile.Read(RatioBomb, "n.xlsx"));
        Assert.Equal(TabularErrorKind.TooLarge, error.Kind);
        Assert.Contains("xl/sharedStrings.xml of the workbook inflates to more than 100 times its compressed size", error.Message);

        // The same part is read when the ratio is not checked: what refused it was the ratio, not its 40 MB.
        var read = TabularFile.Read(RatioBomb, "n.xlsx", null, TabularLimits.Default with { MaxInflateRatio = int.MaxValue });
        Assert.Null(read.Error?.Message);
        Assert.NotNull(read.Sheet);
    }

    [Fact]
    public void A_text_of_gigabytes_is_refused_at_the_field_limit_without_reading_it_whole()
    {
        var bomb = ZipWithInflated(Parts(NomineeRows()), "xl/sharedStrings.xml", $"<sst xmlns=\"{Main}\"><si><t>", "AAAAAAAAAAAAAAAA", "</t></si></sst>", 8L * 1024 * 1024);
        var error = Refused(TabularFile.Read(bomb, "n.xlsx"));
        Assert.Equal(TabularErrorKind.TooLarge, error.Kind);
        Assert.Contains("longer than 32,767 characters", error.Message);
    }

    [Fact]
    public void A_shared_string_longer_than_a_field_may_be_is_refused()
    {
        var error = Refused(TabularFile.Read(Zip(Parts(NomineeRows(), shared: [new string('a', 40_000)])), "n.xlsx"));
        Assert.Contains("longer than 32,767 characters", error.Message);
    }

    [Fact]
    public void Broken_zip_and_broken_xml_are_file_errors()
    {
        Assert.Contains("not a readable XLSX", Refused(TabularFile.Read([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0], "n.xlsx")).Message);
        var parts = Parts(NomineeRows());
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].Replace("</sheetData>", "</sheetDat>", StringComparison.Ordinal);
        var xml = Refused(TabularFile.Read(Zip(parts), "n.xlsx"));
        Assert.Equal(TabularErrorKind.Malformed, xml.Kind);
        Assert.Contains("xl/worksheets/sheet1.xml", xml.Message);
        var dtd = Parts(NomineeRows());
        dtd["xl/sharedStrings.xml"] = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><sst><si><t>&b;</t></si></sst>";
        Assert.Equal(TabularErrorKind.Malformed, Refused(TabularFile.Read(Zip(dtd), "n.xlsx")).Kind);
    }

    [Fact]
    public void A_missing_sheet_names_the_sheets_there_are()
    {
        var error = Refused(TabularFile.Read(Zip(Parts(NomineeRows())), "n.xlsx", "Nominees"));
        Assert.Equal(TabularErrorKind.NoSuchSheet, error.Kind);
        Assert.Contains("\"Sheet1\"", error.Message);
    }

    [Theory]
    [InlineData("C7", 7, 2)]
    [InlineData("ab12", 12, 27)]
    [InlineData("XFD1048576", 1048576, 16383)]
    public void Cell_references_parse_within_a_sheet(string reference, int row, int column)
    {
        Assert.True(CellReference.TryParse(reference, out var r, out var c));
        Assert.Equal((row, column), (r, c));
        Assert.Equal(reference.ToUpperInvariant(), CellReference.Format(c, r));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("C")]
    [InlineData("C0")]
    [InlineData("XFE1")]
    [InlineData("A1048577")]
    [InlineData("A2147483648")]
    [InlineData("A1B")]
    public void Cell_references_outside_a_sheet_do_not_parse(string reference) => Assert.False(CellReference.TryParse(reference, out _, out _));
}
