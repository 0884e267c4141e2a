using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Jobs;
using Tmssw.Web.Jobs;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Jobs;

/// <summary>
/// Two app instances on one PostgreSQL database: a job started on one is shown by the other, the
/// cluster-wide limit (here 1) queues the second run with its place shown; on SQLite (one instance) the
/// same limit and queue; uploads are capped with a clear message.
/// </summary>
public sealed class SharedJobsTests
{
    [Theory, ProviderData]
    public async Task A_job_started_on_one_instance_is_shown_by_the_other_and_a_second_run_waits_in_the_queue(Provider provider)
    {
        var limits = new Dictionary<string, string> { ["Jobs:MaxConcurrentSolvers"] = "1" };
        await using var a = new TmsswAppFactory(await TestDatabase.CreateAsync(provider)) { ExtraSettings = limits };
        _ = a.Server;
        // PostgreSQL: a second instance on the same database (clustered). SQLite is a one-instance database
        // (Quartz refuses to cluster on it): there the second client is a second person's browser on the same instance.
        await using var b = provider == Provider.Postgres ? new TmsswAppFactory(a.Database) { ExtraSettings = limits, OwnsDatabase = false } : null;
        var onA = await a.SignInAsync("admin@tmssw.local");
        var onB = b is not null ? await b.SignInAsync("admin@tmssw.local") : await a.SignInAsync("admin@tmssw.local");

        // The one place is held by a run of a third instance (a fresh heartbeat), so both runs wait in the
        // queue for as long as the test looks: a split of the demo can finish in well under a poll.
        var holder = RunRow("schedule:held-by-the-test", JobRunState.Running, secondsAgo: 60);
        await using (var db = a.Database.NewContext())
        {
            db.JobRuns.Add(holder);
            await db.SaveChangesAsync();
        }

        var first = await StartSplitAsync(onA);
        var second = await StartSplitAsync(onB);

        // Either instance shows either queued run with its place, while the holder stays fresh for 3 s of
        // queue polls (each run tries for its place every 2 s).
        for (var look = 0; look < 3; look++)
        {
            await using (var db = a.Database.NewContext())
            {
                await db.JobRuns.Where(r => r.Id == holder.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, DateTimeOffset.UtcNow));
                var states = await db.JobRuns.AsNoTracking().Where(r => r.Id == first || r.Id == second).Select(r => r.State).ToListAsync();
                Assert.Equal([JobRunState.Queued, JobRunState.Queued], states);
            }

            foreach (var (client, id, place) in new[] { (onB, first, 1), (onA, second, 2), (onA, first, 1), (onB, second, 2) })
            {
                var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/jobs/{id}?partial=true"));
                Assert.Contains("Queued", html);
                Assert.Contains($"number <span class=\"queue-position\">{place}</span> in the queue", html);
            }

            await Task.Delay(1000);
        }

        // The place is freed: the first runs, then the second, never both at once.
        await using (var db = a.Database.NewContext())
        {
            await db.JobRuns.Where(r => r.Id == holder.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, JobRunState.Done)
                .SetProperty(r => r.FinishedAt, DateTimeOffset.UtcNow));
        }

        var allDone = false;
        for (var polls = 0; polls < 900 && !allDone; polls++)
        {
            await using (var db = a.Database.NewContext())
            {
                var runs = await db.JobRuns.AsNoTracking().Where(r => r.Id == first || r.Id == second).ToListAsync();
                Assert.True(runs.Count(r => r.State == JobRunState.Running) <= 1, "Two solver runs at once past the limit of 1.");
                Assert.DoesNotContain(runs, r => r.State == JobRunState.Failed);
                allDone = runs.All(r => r.State == JobRunState.Done);
            }

            await Task.Delay(100);
        }

        Assert.True(allDone, "The queued runs did not both finish once the place was free.");

        // Both are done, and each instance sends the person to the same result, whichever instance ran it.
        foreach (var id in new[] { first, second })
        {
            var fromA = await onA.GetAsync($"/jobs/{id}");
            var fromB = await onB.GetAsync($"/jobs/{id}");
            Assert.Equal(HttpStatusCode.Redirect, fromA.StatusCode);
            Assert.Equal(fromA.Headers.Location, fromB.Headers.Location);
            Assert.StartsWith("/manage/2024/split?v=", fromA.Headers.Location!.ToString());
        }
    }

    [Theory, ProviderData]
    public async Task A_free_place_goes_to_the_earliest_queued_run_that_can_start(Provider provider)
    {
        await using var app = new TmsswAppFactory(await TestDatabase.CreateAsync(provider))
        {
            ExtraSettings = new Dictionary<string, string> { ["Jobs:MaxConcurrentSolvers"] = "2" },
        };
        _ = app.Server;
        // One of two places taken by a run of plan P; queued, oldest first: another run of P (which must wait
        // for its own plan), then a run of Q, then a run of R.
        var running = RunRow("schedule:p", JobRunState.Running, 60);
        var samePlan = RunRow("schedule:p", JobRunState.Queued, 30);
        var earlier = RunRow("schedule:q", JobRunState.Queued, 20);
        var later = RunRow("schedule:r", JobRunState.Queued, 10);
        await using (var db = app.Database.NewContext())
        {
            db.JobRuns.AddRange(running, samePlan, earlier, later);
            await db.SaveChangesAsync();
        }

        async Task<JobRunner.Outcome> TryAsync(Guid id)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(id, "test", recovering: false, CancellationToken.None);
        }

        // The later run asks first: the free place is the earlier run's, so it waits.
        Assert.Equal(JobRunner.Outcome.Wait, await TryAsync(later.Id));
        // The run of P cannot start while P runs, and does not hold up the run of Q: Q takes the place (its empty
        // parameters then fail it, with its reason; what counts here is that it was started).
        Assert.Equal(JobRunner.Outcome.Wait, await TryAsync(samePlan.Id));
        await TryAsync(earlier.Id);
        await using (var db = app.Database.NewContext())
        {
            var rows = await db.JobRuns.AsNoTracking().ToDictionaryAsync(r => r.Id);
            Assert.Equal(JobRunState.Queued, rows[later.Id].State);
            Assert.Equal(0, rows[later.Id].Attempts);
            Assert.Equal(JobRunState.Queued, rows[samePlan.Id].State);
            Assert.Equal("queued: same plan being solved", rows[samePlan.Id].Phase);
            Assert.Equal(1, rows[earlier.Id].Attempts);
            Assert.NotNull(rows[earlier.Id].StartedAt);
        }
    }

    [Theory, ProviderData]
    public async Task An_upload_past_the_persons_cap_is_refused_with_a_clear_message_and_a_committed_one_is_removed(Provider provider)
    {
        await using var app = new TmsswAppFactory(await TestDatabase.CreateAsync(provider))
        {
            ExtraSettings = new Dictionary<string, string> { ["Uploads:MaxBytesPerPerson"] = "400" },
        };
        _ = app.Server;
        var admin = await app.SignInAsync("admin@tmssw.local");
        const string row = "Ana;Capped;Bolivia;F;law-enforcement;FELCN;Major;ana.c@example.org\n";
        var header = "Given name;Surname;Nationality;Sex;Sector;Agency;Position;E-mail\n";

        var firstPreview = await UploadAsync(admin, header + row);
        Assert.Contains("1</strong> to add", firstPreview);
        var refused = await UploadAsync(admin, header + row + string.Concat(Enumerable.Repeat(row.Replace("Ana;", "Eva;", StringComparison.Ordinal), 4)));
        Assert.Contains("would pass your limit of", refused);
        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(1, await db.Uploads.CountAsync());
        }

        var uploadId = System.Text.RegularExpressions.Regex.Match(firstPreview, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var commit = await admin.PostAsync("/manage/2024/participants/import?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["upload"] = uploadId,
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(firstPreview),
        }));
        Assert.Contains("Imported 1 new", await commit.Content.ReadAsStringAsync());
        await using (var db = app.Database.NewContext())
        {
            Assert.Equal(0, await db.Uploads.CountAsync());
        }
    }

    /// <summary>
    /// A run another instance (or another person) queued or is running, written straight to the table: a running
    /// one has a fresh heartbeat, so it holds its place.
    /// </summary>
    private static JobRun RunRow(string lockKey, JobRunState state, int secondsAgo)
    {
        var now = DateTimeOffset.UtcNow;
        var running = state == JobRunState.Running;
        return new JobRun
        {
            Id = Guid.NewGuid(),
            Kind = JobKinds.Schedule,
            LockKey = lockKey,
            Title = lockKey,
            OwnerUserId = "someone-else",
            State = state,
            Phase = running ? "solving" : "queued",
            CreatedAt = now.AddSeconds(-secondsAgo),
            StartedAt = running ? now.AddSeconds(-secondsAgo) : null,
            HeartbeatAt = running ? now : null,
            Instance = running ? "third" : null,
            Attempts = running ? 1 : 0,
        };
    }

    private static async Task<Guid> StartSplitAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/manage/2024/split");
        var run = await client.PostAsync("/manage/2024/split?handler=Run", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["seconds"] = "4",
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        return Guid.Parse(run.Headers.Location!.ToString()["/jobs/".Length..]);
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        const string url = "/manage/2024/participants/import";
        var form = await client.GetStringAsync(url);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(TmsswAppFactory.AntiForgery(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "capped.csv");
        var response = await client.PostAsync(url + "?handler=Upload", upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
