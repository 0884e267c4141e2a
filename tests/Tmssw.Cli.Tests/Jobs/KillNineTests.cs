using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Jobs;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Jobs;

/// <summary>
/// kill -9 of the real app (a child process) on PostgreSQL in the middle of an import commit, a split
/// publish, a schedule publish and a solver run, each stopped at its fault point inside its transaction
/// (TMSSW_TEST_PAUSE_AT; off by default). After each restart nothing is half-written, and the solver run
/// is taken up again by the restarted instance (Quartz recovery). One database for all four: the demo's
/// first start, with its planning, is the slow part.
/// </summary>
public sealed class KillNineTests
{
    private const string ImportUrl = "/manage/2024/participants/import";

    [Fact]
    public async Task A_killed_instance_leaves_nothing_half_written_and_its_solver_run_is_taken_up_again()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);

        // 1. Import commit: killed after every row was inserted, before the commit.
        string uploadId;
        int participantsBefore;
        await using (var app = await AppProcess.StartAsync(database.Setting, FaultPoints.ImportCommit, planDemo: false))
        {
            await using (var db = database.NewContext())
            {
                participantsBefore = await db.Participants.CountAsync();
            }

            var admin = await app.SignInAsync();
            var html = await UploadAsync(admin);
            uploadId = Regex.Match(html, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEmpty(uploadId);
            var commit = admin.PostAsync(ImportUrl + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["upload"] = uploadId,
                ["__RequestVerificationToken"] = AppProcess.Token(html),
            }));
            await app.WaitForMarkerAsync(commit);
            await app.KillHard();
            await Assert.ThrowsAnyAsync<Exception>(() => commit);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(participantsBefore, await db.Participants.CountAsync());
            Assert.False(await db.Participants.AnyAsync(p => p.FamilyName.StartsWith("Faultline")), "Some imported rows survived the kill.");
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "Imported"));
            Assert.True(await db.Uploads.AnyAsync(u => u.Id == Guid.Parse(uploadId)), "The upload should wait for a second try.");
        }

        // 2. After the restart the same stored upload commits in full; then the first split publish is killed
        //    between its two saves (plan flagged published, participants not yet in their groups).
        int version;
        await using (var app = await AppProcess.StartAsync(database.Setting, FaultPoints.SplitPublish, planDemo: false))
        {
            var admin = await app.SignInAsync();
            var page = await admin.GetStringAsync(ImportUrl);
            var commit = await admin.PostAsync(ImportUrl + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["upload"] = uploadId,
                ["__RequestVerificationToken"] = AppProcess.Token(page),
            }));
            Assert.Contains("Imported 3 new", WebUtility.HtmlDecode(await commit.Content.ReadAsStringAsync()));
            await using (var db = database.NewContext())
            {
                Assert.Equal(3, await db.Participants.CountAsync(p => p.FamilyName.StartsWith("Faultline")));
                Assert.False(await db.Uploads.AnyAsync(u => u.Id == Guid.Parse(uploadId)), "A committed upload is removed.");
            }

            version = await RunSplitAsync(admin);
            var split = await admin.GetStringAsync("/manage/2024/split");
            var publish = admin.PostAsync("/manage/2024/split?handler=Publish", Form(split, ("v", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            await app.WaitForMarkerAsync(publish);
            await app.KillHard();
        }

        await using (var db = database.NewContext())
        {
            Assert.False(await db.SplitPlans.AnyAsync(p => p.IsPublished), "The killed publish left a published plan.");
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "SplitPublished"));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "GroupAssigned"));
        }

        // 3. The split is published in full after the restart; the scheduler runs; the week's publish is killed before its commit.
        await using (var app = await AppProcess.StartAsync(database.Setting, FaultPoints.SchedulePublish, planDemo: false))
        {
            var admin = await app.SignInAsync();
            var split = await admin.GetStringAsync("/manage/2024/split");
            var published = await admin.PostAsync("/manage/2024/split?handler=Publish", Form(split, ("v", version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            await using (var db = database.NewContext())
            {
                var plan = await db.SplitPlans.SingleAsync(p => p.IsPublished);
                var cityOf = await db.SplitAssignments.Where(a => a.SplitPlanId == plan.Id).ToDictionaryAsync(a => a.ParticipantId, a => a.CityId);
                var grouped = await db.Participants.Where(p => cityOf.Keys.Contains(p.Id))
                    .Join(db.Groups, p => p.GroupId, g => g.Id, (p, g) => new { p.Id, g.CityId }).ToListAsync();
                Assert.Equal(cityOf.Count, grouped.Count);
                Assert.All(grouped, p => Assert.Equal(cityOf[p.Id], p.CityId));
            }

            var week = await admin.GetStringAsync("/manage/2024/schedule/phoenix");
            var run = await admin.PostAsync("/manage/2024/schedule/phoenix?handler=Run", Form(week));
            await WaitForJobAsync(admin, run, app);
            var outbox = await CountAsync(database, db => db.OutboxMessages.CountAsync());
            week = await admin.GetStringAsync("/manage/2024/schedule/phoenix");
            var publish = admin.PostAsync("/manage/2024/schedule/phoenix?handler=Publish", Form(week));
            await app.WaitForMarkerAsync(publish);
            await app.KillHard();
            Assert.Equal(outbox, await CountAsync(database, db => db.OutboxMessages.CountAsync()));
        }

        await using (var db = database.NewContext())
        {
            Assert.False(await db.SchedulePublications.AnyAsync(), "The killed publish left a publication.");
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "SchedulePublished"));
        }

        // 4. A split run killed while it runs: the restarted instance takes it up again (Quartz recovery) and finishes it.
        string jobUrl;
        await using (var app = await AppProcess.StartAsync(database.Setting, FaultPoints.SolverRun, planDemo: false))
        {
            var admin = await app.SignInAsync();
            var split = await admin.GetStringAsync("/manage/2024/split");
            var run = await admin.PostAsync("/manage/2024/split?handler=Run", Form(split, ("seconds", "2")));
            Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
            jobUrl = run.Headers.Location!.ToString();
            Assert.StartsWith("/jobs/", jobUrl);
            await app.WaitForMarkerAsync();
            await app.KillHard();
        }

        var jobId = Guid.Parse(jobUrl["/jobs/".Length..]);
        await using (var db = database.NewContext())
        {
            var killed = await db.JobRuns.SingleAsync(r => r.Id == jobId);
            Assert.Equal(JobRunState.Running, killed.State);
            Assert.Equal(1, killed.Attempts);
        }

        await using (var app = await AppProcess.StartAsync(database.Setting, pauseAt: null, planDemo: false))
        {
            var admin = await app.SignInAsync();
            HttpResponseMessage status;
            var polls = 0;
            do
            {
                await Task.Delay(500);
                status = await admin.GetAsync(jobUrl);
                polls++;
            }
            while (status.StatusCode == HttpStatusCode.OK && polls < 360);
            Assert.True(status.StatusCode == HttpStatusCode.Redirect, "The job was not finished after the restart:\n" + await status.Content.ReadAsStringAsync() + "\n" + app.Output);
            Assert.StartsWith("/manage/2024/split?v=", status.Headers.Location!.ToString());
        }

        await using (var db = database.NewContext())
        {
            var done = await db.JobRuns.SingleAsync(r => r.Id == jobId);
            Assert.Equal(JobRunState.Done, done.State);
            Assert.Equal(2, done.Attempts);
            Assert.Equal(100, done.Percent);
        }
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = AppProcess.Token(page);
        return new FormUrlEncodedContent(values);
    }

    private static async Task<int> CountAsync(TestDatabase database, Func<TmsswDbContext, Task<int>> count)
    {
        await using var db = database.NewContext();
        return await count(db);
    }

    /// <summary>Runs the split planner for 3 seconds as a job and returns the version it saved.</summary>
    private static async Task<int> RunSplitAsync(HttpClient admin)
    {
        var split = await admin.GetStringAsync("/manage/2024/split");
        var run = await admin.PostAsync("/manage/2024/split?handler=Run", Form(split, ("seconds", "3")));
        var result = await WaitForJobAsync(admin, run, null);
        return int.Parse(result[(result.IndexOf("?v=", StringComparison.Ordinal) + 3)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Follows a job's progress page until it redirects to the result; returns the result's address.</summary>
    private static async Task<string> WaitForJobAsync(HttpClient client, HttpResponseMessage started, AppProcess? app)
    {
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Headers.Location!.ToString();
        Assert.StartsWith("/jobs/", job);
        for (var polls = 0; polls < 600; polls++)
        {
            await Task.Delay(300);
            var status = await client.GetAsync(job);
            if (status.StatusCode == HttpStatusCode.Redirect)
            {
                return status.Headers.Location!.ToString();
            }

            var html = await status.Content.ReadAsStringAsync();
            Assert.DoesNotContain("class=\"warning\"", html);
        }

        Assert.Fail("The job did not finish. " + app?.Output);
        return "";
    }

    private static async Task<string> UploadAsync(HttpClient admin)
    {
        var csv = "Given name;Surname;Nationality;Sex;Sector;Agency;Position;E-mail\n"
            + "Ana;Faultline Uno;Bolivia;F;law-enforcement;FELCN;Major;ana.f@example.org\n"
            + "Beto;Faultline Dos;Peru;M;prosecution;Fiscalía;Prosecutor;beto.f@example.org\n"
            + "Carla;Faultline Tres;Chile;F;customs;SNA;Inspector;carla.f@example.org\n";
        var form = await admin.GetStringAsync(ImportUrl);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(AppProcess.Token(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "faults.csv");
        var preview = await admin.PostAsync(ImportUrl + "?handler=Upload", upload);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("3</strong> to add", html);
        return html;
    }
}
