using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Jobs;
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

        var first = await StartSplitAsync(onA);
        var second = await StartSplitAsync(onB);

        var sawQueued = false;
        for (var polls = 0; polls < 900; polls++)
        {
            await using (var db = a.Database.NewContext())
            {
                var runs = await db.JobRuns.AsNoTracking().Where(r => r.Id == first || r.Id == second).ToListAsync();
                Assert.True(runs.Count(r => r.State == JobRunState.Running) <= 1, "Two solver runs at once past the limit of 1.");
                Assert.DoesNotContain(runs, r => r.State == JobRunState.Failed);
                if (runs.All(r => r.State == JobRunState.Done))
                {
                    break;
                }

                if (runs.SingleOrDefault(r => r.State == JobRunState.Queued) is { } queued && runs.Any(r => r.State == JobRunState.Running))
                {
                    // Either instance shows the queued run with its place.
                    var html = WebUtility.HtmlDecode(await onB.GetStringAsync($"/jobs/{queued.Id}?partial=true"));
                    if (html.Contains("Queued", StringComparison.Ordinal))
                    {
                        Assert.Contains("number <span class=\"queue-position\">1</span> in the queue", html);
                        sawQueued = true;
                    }
                }
            }

            await Task.Delay(200);
        }

        Assert.True(sawQueued, "The second run was never seen waiting in the queue.");

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
