using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Participants.Export;

namespace Tmssw.Core.Conference;

/// <summary>
/// The attendance as CSV (UTF-8 with BOM, CRLF) or XLSX, one row per check-in (session, its start,
/// the person, what they are, their country or organization, the scan time in UTC and local), written
/// by the roster's writer with every cell through the formula-injection guard. The edition's runners only.
/// </summary>
public sealed class ExportAttendance(GetAttendance attendance)
{
    public static readonly string[] Headers = ["Session id", "Session", "Session start", "Person kind", "Person id", "Name", "Country or organization", "Scanned (UTC)", "Scanned (local)"];

    public async Task<int> RunAsync(UserScope scope, int year, RosterFormat format, Stream output, CancellationToken ct = default)
    {
        var report = await attendance.RunAsync(scope, year, ct);
        var rows = report.Sessions.SelectMany(s => s.Attendees.Select(a => new[]
        {
            s.SessionId.ToString(CultureInfo.InvariantCulture),
            s.Title,
            s.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            a.Kind,
            a.PersonId.ToString(CultureInfo.InvariantCulture),
            a.Name,
            a.Affiliation,
            a.ScannedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            a.LocalTime,
        }.Select(FormulaGuard.Guard).ToArray())).ToList();
        var headers = Headers.Select(FormulaGuard.Guard).ToList();
        if (format == RosterFormat.Csv)
        {
            await RosterWriter.WriteCsvAsync(output, headers, rows, ct);
        }
        else
        {
            await RosterWriter.WriteXlsxAsync(output, "Attendance " + year.ToString(CultureInfo.InvariantCulture), headers, rows, ct);
        }

        return rows.Count;
    }
}
