using System.Data;
using System.Text.Json;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Evaluation;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;
using Tmssw.Core.Tests.Conference;
using Tmssw.Core.Tests.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Evaluation;

public sealed class EvaluationReportTests
{
    private static readonly NominationStatus[] Counted = [NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed];

    [Theory, ProviderData]
    public async Task The_report_matches_numbers_recomputed_from_the_raw_answers(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var editionId = await app.Database.EditionIdAsync();
        var ids = await app.QueryAsync(db => EvaluationSeed.AddAsync(db, editionId));
        var admin = UserScope.Admin("tester");
        await SaveAsync(app, admin, new IndicatorForm(null, "80% report new knowledge of U.S. multijurisdictional task forces", "AgreeShare", "80", ids.AgreeQuestion.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, null));
        await SaveAsync(app, admin, new IndicatorForm(null, "90% of end-of-program surveys answered", "ResponseRate", "90%", null, null, "EndOfProgram", null));
        var report = await app.RunAsync<EvaluationReport, GetEvaluationReport>(u => u.RunAsync(admin, DemoDatabase.Year));

        // Response rates: submitted responses over invitations, every survey of the edition, from the raw rows.
        var raw = await app.QueryAsync(async db => new
        {
            Surveys = await db.Surveys.Where(s => s.EditionId == editionId).Select(s => s.Id).ToListAsync(),
            Invitations = await db.SurveyInvitations.Select(i => i.SurveyId).ToListAsync(),
            Submitted = await db.SurveyResponses.Where(r => r.SubmittedAt != null).Select(r => r.SurveyId).ToListAsync(),
        });
        Assert.Equal(raw.Surveys.Order(), report.Surveys.Select(s => s.Id).Order());
        foreach (var s in report.Surveys)
        {
            var invited = raw.Invitations.Count(i => i == s.Id);
            var responded = raw.Submitted.Count(r => r == s.Id);
            Assert.Equal(invited, s.Invited);
            Assert.Equal(responded, s.Responded);
            Assert.Equal(invited == 0 ? 0 : (double)responded / invited, s.ResponseRate, 9);
        }

        Assert.Equal(10.0 / 14, report.Surveys.Single(s => s.Id == ids.End).ResponseRate, 9);

        // The pair: respondents k00..k09 answered both halves (the two partial responses do not count).
        var pair = report.Pairs.Single(p => p.Question == "My knowledge of task forces now (test)");
        var diffs = EvaluationSeed.After.Select((a, i) => (double)(a - EvaluationSeed.Before[i])).ToArray();
        var mean = diffs.Average();
        var sd = Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / (diffs.Length - 1));
        const double tTable = 2.262; // t(0.975, 9) from a printed table
        Assert.Equal(10, pair.N);
        Assert.Equal(EvaluationSeed.Before.Take(10).Average(), pair.MeanBefore!.Value, 9);
        Assert.Equal(EvaluationSeed.After.Average(), pair.MeanAfter!.Value, 9);
        Assert.Equal(1.8, pair.Shift!.Value, 9);
        Assert.Equal(mean - (tTable * sd / Math.Sqrt(10)), pair.CiLow!.Value, 3);
        Assert.Equal(mean + (tTable * sd / Math.Sqrt(10)), pair.CiHigh!.Value, 3);
        Assert.Equal(EvaluationSeed.Objective, pair.Objective);

        // The objective: what served it and whom it reached, from group membership and check-ins.
        var objective = report.Objectives.Single(o => o.Number == EvaluationSeed.Objective);
        var expectedReach = await app.QueryAsync(async db =>
        {
            var item = await db.ProgramItems.SingleAsync(i => i.Id == ids.ItemId);
            var members = await db.Participants.Where(p => p.GroupId == item.GroupId && Counted.Contains(p.Status)).Select(p => p.Id).ToListAsync();
            var countedIds = await db.Participants.Where(p => p.EditionId == editionId && Counted.Contains(p.Status)).Select(p => p.Id).ToListAsync();
            var attended = await db.CheckIns.Where(c => c.SessionId == ids.SessionId && c.PersonKind == BadgeRoles.Participant).Select(c => c.PersonId).ToListAsync();
            return (Item: members.Count, Session: attended.Intersect(countedIds).Count(), Union: members.Union(attended.Intersect(countedIds)).Count());
        });
        Assert.Equal(expectedReach.Item, objective.ServedBy.Single(s => s.Kind == "item" && s.Id == ids.ItemId).ParticipantsReached);
        Assert.Equal(expectedReach.Session, objective.ServedBy.Single(s => s.Kind == "session" && s.Id == ids.SessionId).ParticipantsReached);
        Assert.Equal(expectedReach.Union, objective.ParticipantsReached);
        Assert.True(expectedReach.Session > 0);

        // The agreement question: mean 4.0; 1:0 2:1 3:1 4:5 5:3, so 2 and 3 are hidden and 5 with them (1 + 1 < 5).
        var agree = objective.Questions.Single(q => q.QuestionId == ids.AgreeQuestion);
        Assert.Equal(10, agree.N);
        Assert.Equal(EvaluationSeed.Agree.Average(), agree.Mean!.Value, 9);
        Assert.Equal(["0", "<5", "<5", "5", "<5"], agree.Distribution.Cells.Select(c => c.Text));

        // Connections: 8 of 10 reported some, 2 none; "none" is under 5, so "at least one" is hidden too.
        var connections = report.Connections.Single(c => c.Question == "New professional connections (test)");
        Assert.Equal(10, connections.Answered);
        Assert.Null(connections.ReportedAny);
        Assert.Equal(EvaluationSeed.Connections.Sum(), connections.TotalConnections);
        Assert.Equal(EvaluationSeed.Connections.Average(), connections.MeanPerRespondent!.Value, 9);

        // Free text by theme: six under the question's theme (quoted), two coded "Networking" (too few to quote).
        var cyber = report.FreeText.Single(t => t.Theme == Themes.NameOf("cybercrime"));
        Assert.True(cyber.Count >= 6);
        Assert.Contains("Answer 7 (synthetic)", cyber.Answers!);
        var networking = report.FreeText.Single(t => t.Theme == "Networking");
        Assert.True(networking.Count >= 2);

        // Participation: the totals are the counted participants; nothing between 1 and 4 is shown.
        var countedTotal = await app.QueryAsync(db => db.Participants.CountAsync(p => p.EditionId == editionId && Counted.Contains(p.Status)));
        Assert.Equal(countedTotal, report.ParticipantCount);
        foreach (var table in new[] { report.Participation.Region, report.Participation.Country, report.Participation.Sector, report.Participation.Gender })
        {
            Assert.Equal(countedTotal, table.Total);
            Assert.All(table.Cells, c => Assert.True(c.Count is null or 0 or >= SmallCells.Threshold, $"{c.Key} {c.Count}"));
            Assert.NotEqual(1, table.Cells.Count(c => c.Suppressed));
        }

        // Indicators: 8 of 10 answered 4 or 5 (80%: met); the first end-of-program survey's response rate against 90%.
        var agreeIndicator = report.Indicators.Single(i => i.Measure == "AgreeShare" && i.Text == "80% report new knowledge of U.S. multijurisdictional task forces");
        Assert.Equal(80, agreeIndicator.Actual!.Value, 9);
        Assert.True(agreeIndicator.Met);
        var firstEnd = await app.QueryAsync(db => db.Surveys.Where(s => s.EditionId == editionId && s.Kind == SurveyKind.EndOfProgram).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var rateIndicator = report.Indicators.Single(i => i.Measure == "ResponseRate" && i.Text == "90% of end-of-program surveys answered");
        var firstRate = report.Surveys.Single(s => s.Id == firstEnd);
        Assert.Equal(100.0 * firstRate.Responded / firstRate.Invited, rateIndicator.Actual!.Value, 9);
        Assert.Equal(rateIndicator.Actual >= 90, rateIndicator.Met);

        // The JSON contract carries the same numbers under the documented names.
        using var json = JsonDocument.Parse(EvaluationReportJson.Write(report));
        var root = json.RootElement;
        Assert.Equal("tmssw-evaluation-report", root.GetProperty("format").GetString());
        var endJson = root.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == ids.End);
        Assert.Equal("end-of-program", endJson.GetProperty("kind").GetString());
        Assert.Equal(14, endJson.GetProperty("invited").GetInt32());
        Assert.Equal(10, endJson.GetProperty("responded").GetInt32());
        Assert.Equal(Math.Round(10.0 / 14, 4), endJson.GetProperty("responseRate").GetDouble());
        var objJson = root.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("number").GetInt32() == EvaluationSeed.Objective);
        Assert.Equal(expectedReach.Union, objJson.GetProperty("participantsReached").GetInt32());
        Assert.Contains(objJson.GetProperty("servedBy").EnumerateArray(), s => s.GetProperty("kind").GetString() == "session" && s.GetProperty("title").GetString()!.Length > 0);
        var pairJson = root.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("question").GetString() == pair.Question);
        Assert.Equal(10, pairJson.GetProperty("n").GetInt32());
        Assert.Equal(1.8, pairJson.GetProperty("shift").GetDouble(), 9);
        Assert.Equal(Math.Round(pair.CiLow.Value, 4), pairJson.GetProperty("ciLow").GetDouble());
        Assert.Equal(Math.Round(pair.CiHigh.Value, 4), pairJson.GetProperty("ciHigh").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("question").GetString() == connections.Question).GetProperty("reportedAny").ValueKind);

        // The workbook, read back with ExcelDataReader (not the OpenXml SDK that wrote it).
        var sheets = ReadXlsx(EvaluationReportXlsx.Write(report));
        var surveyRow = sheets["Surveys"].Single(r => r[0] is double id && (int)id == ids.End);
        Assert.Equal(14.0, surveyRow[3]);
        Assert.Equal(10.0, surveyRow[4]);
        var pairRow = sheets["Pairs"].Single(r => (string?)r[0] == pair.Question);
        Assert.Equal(10.0, pairRow[2]);
        Assert.Equal(1.8, (double)pairRow[5]!, 9);
        Assert.Equal(Math.Round(pair.CiLow.Value, 4), (double)pairRow[6]!, 9);
        var connectionRow = sheets["Connections"].Single(r => (string?)r[1] == connections.Question);
        Assert.Equal("<5", connectionRow[3]);
        Assert.Contains(sheets["Objectives"], r => r[0] is double n && (int)n == EvaluationSeed.Objective && (string?)r[3] == "session");
        Assert.Contains(sheets["Indicators"], r => (string?)r[1] == agreeIndicator.Text && (string?)r[6] == "met");

        // The PDF's text as pdftotext reads it.
        var text = PdfTools.Text(EvaluationReportPdf.Render(report));
        Assert.Contains("Evaluation report 2024", text, StringComparison.Ordinal);
        Assert.Contains("Test objective (synthetic)", text, StringComparison.Ordinal);
        Assert.Contains("paired t-interval", text, StringComparison.Ordinal);
        Assert.Contains("80% report new knowledge", text, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task The_report_and_the_indicators_are_the_editions_runners_only_and_bad_indicators_are_refused(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var editionId = await app.Database.EditionIdAsync();
        var host = new UserScope("u1", "host", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: "phoenix");
        var otherStaff = new UserScope("u2", "staff", new HashSet<string> { Roles.Staff }, new HashSet<int> { editionId + 1000 });
        var participant = new UserScope("u3", "p", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: 1);
        foreach (var scope in new[] { host, otherStaff, participant })
        {
            await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<EvaluationReport, GetEvaluationReport>(u => u.RunAsync(scope, DemoDatabase.Year)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<IndicatorPlan, ListIndicators>(u => u.RunAsync(scope, DemoDatabase.Year)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<IndicatorSaveOutcome, SaveIndicator>(u => u.RunAsync(scope, DemoDatabase.Year, new IndicatorForm(null, "x", "ReachedShare", "50", null, null, null, "1"))));
        }

        await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<TenYearView, GetTenYearView>(u => u.RunAsync(host)));
        var staff = new UserScope("u4", "staff", new HashSet<string> { Roles.Staff }, new HashSet<int> { editionId });
        var outcome = await app.RunAsync<IndicatorSaveOutcome, SaveIndicator>(u => u.RunAsync(staff, DemoDatabase.Year, new IndicatorForm(null, "  ", "Nonsense", "120", null, null, null, null)));
        Assert.Equal(["Text", "Measure", "Target"], outcome.Errors.Select(e => e.Field));
        outcome = await app.RunAsync<IndicatorSaveOutcome, SaveIndicator>(u => u.RunAsync(staff, DemoDatabase.Year, new IndicatorForm(null, "Reach", "ReachedShare", "50", null, null, null, "99")));
        Assert.Equal("ObjectiveNumber", Assert.Single(outcome.Errors).Field);
        outcome = await app.RunAsync<IndicatorSaveOutcome, SaveIndicator>(u => u.RunAsync(staff, DemoDatabase.Year, new IndicatorForm(null, "Reach objective 1", "ReachedShare", "50", null, null, null, "1")));
        Assert.True(outcome.Succeeded);
        var audited = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(PerformanceIndicator) && a.EntityId == outcome.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, audited);
    }

    private static async Task SaveAsync(ConferenceServices app, UserScope scope, IndicatorForm form)
    {
        var outcome = await app.RunAsync<IndicatorSaveOutcome, SaveIndicator>(u => u.RunAsync(scope, DemoDatabase.Year, form));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors));
    }

    internal static Dictionary<string, List<object?[]>> ReadXlsx(byte[] bytes)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(bytes);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            reader.Read(); // the header row
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
                }

                rows.Add(row);
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }
}
