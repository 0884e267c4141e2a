using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Tmssw.Core.Tests.Participants.Import;

/// <summary>
/// Builds the golden XLSX the way embassies' spreadsheets come: a merged title row, a two-row
/// header with merged cells ("Name" over "Given name" and "Family name"; the other headers merged
/// down over both rows), numbers stored as text (passport and phone with leading zeros, a date
/// serial typed as text), real numbers and a date-formatted cell, on a second sheet after a
/// "Instructions" one.
/// </summary>
internal static class MessyWorkbook
{
    public const string SheetName = "Nominees";

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));

            var instructions = workbook.AddNewPart<WorksheetPart>();
            instructions.Worksheet = new Worksheet(new SheetData(new Row(Text("A1", "Fill in the Nominees sheet.")) { RowIndex = 1 }));

            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(
                Row(1, Shared(shared, "A1", "Nominations 2025 – Embassy Bangkok")),
                Row(2, Shared(shared, "A2", "Country"), Shared(shared, "B2", "Name"), Shared(shared, "D2", "Sex"), Shared(shared, "E2", "Passport number"),
                    Shared(shared, "F2", "Date of birth"), Shared(shared, "G2", "Phone"), Shared(shared, "H2", "Languages"), Shared(shared, "I2", "Notes")),
                Row(3, Shared(shared, "B3", "Given name"), Shared(shared, "C3", "Family name")),
                Row(4, Shared(shared, "A4", "TH"), Shared(shared, "B4", "สมชาย"), Shared(shared, "C4", "ใจดี"), Shared(shared, "D4", "M"),
                    Shared(shared, "E4", "0012345"), DateSerial("F4", 29657), Text("G4", "0812345678"), Shared(shared, "H4", "Thai, English"), Text("I4", "team lead")),
                Row(5, Shared(shared, "A5", "Thailand"), Text("B5", "Somsak"), Text("C5", "Rakdee"), Text("D5", "F"),
                    Number("E5", "12345678"), Text("F5", "1980-03-12"), Number("G5", "66812345678"), Text("H5", "Thai")),
                Row(6, Text("A6", "Laos"), Text("B6", "Khamla"), Text("C6", "Phommachanh"), Text("D6", "M"),
                    Text("E6", "LA-555-0001"), Text("F6", "29221"), Text("H6", "Lao")),
                Row(7, Text("A7", "Viet Nam"), Text("B7", "Nguyễn Thị"), Text("C7", "Lan"), Text("D7", "F"),
                    Text("E7", "C1234567"), Text("F7", "12/03/1980"), Text("H7", "Vietnamese, Englsh")));
            sheet.Worksheet = new Worksheet(data, new MergeCells(
                new MergeCell { Reference = "A1:I1" },
                new MergeCell { Reference = "A2:A3" },
                new MergeCell { Reference = "B2:C2" },
                new MergeCell { Reference = "D2:D3" },
                new MergeCell { Reference = "E2:E3" },
                new MergeCell { Reference = "F2:F3" },
                new MergeCell { Reference = "G2:G3" },
                new MergeCell { Reference = "H2:H3" },
                new MergeCell { Reference = "I2:I3" }));

            workbook.Workbook.AppendChild(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(instructions), SheetId = 1, Name = "Instructions" },
                new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 2, Name = SheetName }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, params Cell[] cells) => new(cells) { RowIndex = index };

    private static Cell Shared(SharedStringTablePart part, string reference, string text)
    {
        part.SharedStringTable.AppendChild(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text)));
        var index = part.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
    }

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    private static Cell Number(string reference, string number) => new() { CellReference = reference, CellValue = new CellValue(number) };

    private static Cell DateSerial(string reference, int serial) =>
        new() { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(serial.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
}
