using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Tmssw.Core.Tabular;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// The evaluation report as a workbook (OpenXml SDK, MIT): one sheet per part (Surveys, Objectives,
/// Questions, Pairs, Connections, Free text, Participation, Indicators), a header row on each,
/// numbers as numbers, a suppressed number as the text "&lt;5", text as inline strings (never formulas).
/// </summary>
public static class EvaluationReportXlsx
{
    public static byte[] Write(EvaluationReport r)
    {
        var sheets = new List<(string Name, object?[] Header, IEnumerable<object?[]> Rows)>
        {
            ("Surveys", ["Survey id", "Kind", "Title", "Invited", "Responded", "Response rate"],
                r.Surveys.Select(s => new object?[] { s.Id, s.Kind, s.Title, s.Invited, s.Responded, Math.Round(s.ResponseRate, 4) })),
            ("Objectives", ["Objective", "Objective text", "Participants reached (objective)", "Served by (kind)", "Title", "Where", "Participants reached", "Basis"],
                r.Objectives.SelectMany(o => o.ServedBy.Count == 0
                    ? [new object?[] { o.Number, o.Text, o.ParticipantsReached, "", "(nothing served it)", "", null, "" }]
                    : o.ServedBy.Select(s => new object?[] { o.Number, o.Text, o.ParticipantsReached, s.Kind, s.Title, s.Where, s.ParticipantsReached, s.Basis }))),
            ("Questions", ["Objective", "Survey", "Question", "Type", "Answers", "Mean", "Distribution"],
                r.Objectives.SelectMany(o => o.Questions.Select(q => new object?[]
                {
                    o.Number, q.Survey, q.Text, q.Type, q.N, Shown(q.Mean),
                    string.Join("; ", q.Distribution.Cells.Select(c => $"{c.Key}: {c.Text}")),
                }))),
            ("Pairs", ["Question", "Objective", "Pairs (n)", "Mean before", "Mean after", "Shift", "95% CI low", "95% CI high", "Method"],
                r.Pairs.Select(p => new object?[] { p.Question, p.Objective, p.N, Shown(p.MeanBefore), Shown(p.MeanAfter), Shown(p.Shift), Shown(p.CiLow), Shown(p.CiHigh), r.PairMethod })),
            ("Connections", ["Survey", "Question", "Answered", "Reported at least one", "Total connections", "Mean per respondent"],
                r.Connections.Select(c => new object?[] { c.Survey, c.Question, c.Answered, Shown(c.ReportedAny), Shown(c.TotalConnections), Shown(c.MeanPerRespondent) })),
            ("Free text", ["Theme", "Answers", "Answer"],
                r.FreeText.SelectMany(t => t.Answers is null
                    ? [new object?[] { t.Theme, t.Count, $"(fewer than {SmallCells.Threshold}: not quoted)" }]
                    : t.Answers.Select(a => new object?[] { t.Theme, t.Count, a }))),
            ("Participation", ["By", "Value", "Participants"],
                Table("Region", r.Participation.Region).Concat(Table("Country", r.Participation.Country))
                    .Concat(Table("Sector", r.Participation.Sector)).Concat(Table("Gender", r.Participation.Gender))),
            ("Indicators", ["Number", "Indicator", "Measure", "Target %", "Actual %", "n", "Met", "Basis"],
                r.Indicators.Select(i => new object?[] { i.Number, i.Text, i.Measure, i.Target, Shown(i.Actual), i.N, i.Met switch { true => "met", false => "not met", _ => "not measured" }, i.Basis })),
        };

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = new Sheets();
            var id = 1u;
            foreach (var (name, header, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var index = 1u;
                data.Append(Row(index++, header));
                foreach (var row in rows)
                {
                    data.Append(Row(index++, row));
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbook.Workbook.AppendChild(list);
            workbook.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static IEnumerable<object?[]> Table(string by, ShownTable t) =>
        t.Cells.Select(c => new object?[] { by, c.Key, Shown(c.Count) }).Append([by, "Total", Shown(t.Total)]);

    /// <summary>A number, or the suppression mark when it is not shown.</summary>
    private static object Shown(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : SmallCells.Mark;

    private static object Shown(int? value) => value is { } v ? v : SmallCells.Mark;

    private static Row Row(uint index, object?[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Length; c++)
        {
            var reference = XlsxTable.ColumnLetters(c) + index.ToString(CultureInfo.InvariantCulture);
            switch (cells[c])
            {
                case null:
                    break;
                case int or double or decimal:
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.Number,
                        CellValue = new CellValue(Convert.ToString(cells[c], CultureInfo.InvariantCulture)!),
                    });
                    break;
                default:
                    var text = Convert.ToString(cells[c], CultureInfo.InvariantCulture) ?? "";
                    row.Append(new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                    });
                    break;
            }
        }

        return row;
    }

    private static string XmlSafe(string value) => new(value.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray());
}
