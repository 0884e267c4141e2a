using Tmssw.Core.Accounts;

namespace Tmssw.Core.Evaluation;

public enum EvaluationReportFormat
{
    Json,
    Xlsx,
    Pdf,
}

/// <summary>An edition's evaluation report as a file: JSON (the contract), XLSX or PDF. The edition's runners only.</summary>
public sealed class ExportEvaluationReport(GetEvaluationReport report)
{
    public static string ContentType(EvaluationReportFormat format) => format switch
    {
        EvaluationReportFormat.Json => "application/json",
        EvaluationReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public static string FileName(int year, EvaluationReportFormat format) => $"evaluation-{year}.{format.ToString().ToLowerInvariant()}";

    public async Task<byte[]> RunAsync(UserScope scope, int year, EvaluationReportFormat format, CancellationToken ct = default)
    {
        var r = await report.RunAsync(scope, year, ct);
        return format switch
        {
            EvaluationReportFormat.Json => System.Text.Encoding.UTF8.GetBytes(EvaluationReportJson.Write(r)),
            EvaluationReportFormat.Xlsx => EvaluationReportXlsx.Write(r),
            _ => EvaluationReportPdf.Render(r),
        };
    }
}
