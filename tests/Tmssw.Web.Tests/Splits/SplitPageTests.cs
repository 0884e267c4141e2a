using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Splits;

public sealed partial class SplitPageTests
{
    [Theory, ProviderData]
    public async Task Only_Admin_and_the_editions_Staff_reach_the_split_pages(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        foreach (var path in new[] { "/manage/2024/split", "/manage/2024/split/compare?a=1&b=2" })
        {
            foreach (var role in new[] { "Host", "Nominator", "Participant", "Interpreter" })
            {
                var client = await app.SignInAsync(DemoPeople.EmailOf[role]);
                var response = await client.GetAsync(path);
                Assert.True(
                    response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied", StringComparison.Ordinal)),
                    $"{role} on {path}: {response.StatusCode} {response.Headers.Location}");
                var post = await client.PostAsync("/manage/2024/split?handler=Run", new FormUrlEncodedContent(new Dictionary<string, string> { ["seconds"] = "1" }));
                Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
                Assert.DoesNotContain("/jobs/", post.Headers.Location?.ToString() ?? "");
            }

            var other = await app.SignInAsync(DemoPeople.EmailOf["OtherStaff"]);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);

            var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
            var refused = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/login", refused.Headers.Location!.ToString());
        }

        var staff = await app.SignInAsync(DemoPeople.EmailOf["Staff"]);
        var page = await staff.GetStringAsync("/manage/2024/split");
        Assert.Contains("No split yet", page);
        Assert.Contains("56 confirmed participants", page);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/manage/2023/split")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/manage/2024/split?v=9")).StatusCode);
        var admin = await app.SignInAsync(DemoPeople.EmailOf["Admin"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/manage/2024/split")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task Staff_run_the_planner_then_move_and_lock_a_participant_and_see_the_score_at_once(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync(DemoPeople.EmailOf["Staff"]);
        var page = await staff.GetStringAsync("/manage/2024/split");

        // A settings error keeps what was typed.
        var settings = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            ["Settings.MaxPerCountry"] = "1",
            ["Settings.ThemeWeight"] = "ten",
            ["Settings.SameCountryWeight"] = "100",
            ["Settings.IsolatedGenderWeight"] = "30",
            ["Settings.ChangeWeight"] = "50",
            ["Settings.Cities[0].CityId"] = "austin",
            ["Settings.Cities[0].MinSize"] = "5",
            ["Settings.Cities[0].MaxSize"] = "3",
            ["Settings.Cities[0].Interpreters"] = "2",
        };
        var bad = await staff.PostAsync("/manage/2024/split?handler=Settings", new FormUrlEncodedContent(settings));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("value=\"ten\"", badHtml);
        Assert.Contains("Enter a whole number.", badHtml);
        Assert.Contains("not saved", badHtml);

        // Run through the background job; its page redirects to the saved version.
        var run = await staff.PostAsync("/manage/2024/split?handler=Run", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            ["seconds"] = "3",
        }));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var jobUrl = run.Headers.Location!.OriginalString;
        Assert.StartsWith("/jobs/", jobUrl);
        string? result = null;
        for (var i = 0; i < 200 && result is null; i++)
        {
            var status = await staff.GetAsync(jobUrl);
            if (status.StatusCode == HttpStatusCode.Redirect)
            {
                result = status.Headers.Location!.OriginalString;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, status.StatusCode);
                Assert.DoesNotContain("failed", await status.Content.ReadAsStringAsync());
                await Task.Delay(250);
            }
        }

        Assert.Equal("/manage/2024/split?v=1", result);
        page = await staff.GetStringAsync(result);
        Assert.Contains("Every hard rule is met.", page);
        Assert.Equal(9, GroupSection().Count(page));

        int participantId;
        string from;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var a = await db.SplitAssignments.OrderBy(x => x.ParticipantId).FirstAsync();
            (participantId, from) = (a.ParticipantId, a.CityId);
        }

        Assert.Contains($"id=\"p{participantId}\"", page);
        var to = from == "phoenix" ? "tucson" : "phoenix";
        var moved = await staff.PostAsync("/manage/2024/split?handler=Move", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            ["v"] = "1",
            ["participantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cityId"] = to,
        }));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"/manage/2024/split?v=1#p{participantId}", moved.Headers.Location!.OriginalString);
        page = await staff.GetStringAsync("/manage/2024/split?v=1");
        Assert.Matches("Moved to Phoenix|Moved to Tucson", page);
        Assert.Contains("Score now", page);
        Assert.Contains("Manual", page);

        var lockIt = await staff.PostAsync("/manage/2024/split?handler=Lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            ["v"] = "1",
            ["participantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["locked"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, lockIt.StatusCode);
        page = await staff.GetStringAsync("/manage/2024/split?v=1");
        Assert.Contains("Locked. Score now", page);

        // Without the anti-forgery token nothing happens.
        var forged = await staff.PostAsync("/manage/2024/split?handler=Lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["v"] = "1",
            ["participantId"] = participantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["locked"] = "false",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var a = await db.SplitAssignments.SingleAsync(x => x.ParticipantId == participantId);
            Assert.Equal((to, true), (a.CityId, a.Locked));
            var plan = await db.SplitPlans.SingleAsync();
            Assert.Equal("Manual", plan.SolverStatus);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "SplitMove" && e.UserName == "staff@tmssw.test"));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "SplitLock"));
        }

        // Save a copy and compare.
        var saved = await staff.PostAsync("/manage/2024/split?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            ["v"] = "1",
            ["name"] = "Staff copy",
        }));
        Assert.Equal("/manage/2024/split?v=2", saved.Headers.Location!.OriginalString);
        var compare = await staff.GetStringAsync("/manage/2024/split/compare?a=1&b=2");
        Assert.Contains("Nobody moved", compare);
    }

    [GeneratedRegex("class=\"split-group\"")]
    private static partial Regex GroupSection();
}
