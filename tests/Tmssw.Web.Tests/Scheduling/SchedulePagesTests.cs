using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Scheduling;

public sealed partial class SchedulePagesTests
{
    private const string Password = "Schedule-Test-2024";

    private static async Task AddUserAsync(TmsswAppFactory app, NewUser user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (added, errors) = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(user);
        Assert.True(added is not null, string.Join("; ", errors));
    }

    private static async Task<HttpClient> SignInAsync(TmsswAppFactory app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string pageUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token(await client.GetStringAsync(pageUrl));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Theory, ProviderData]
    public async Task Anonymous_visitors_are_sent_to_sign_in(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/manage/2024/schedule", "/manage/2024/schedule/phoenix", "/manage/2024/schedule/phoenix/offers" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Theory, ProviderData]
    public async Task A_Phoenix_host_reaches_Phoenix_only_and_a_form_error_keeps_what_was_typed(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await AddUserAsync(app, new NewUser("host@phoenix.example.org", Roles.Host, Password, CityId: "phoenix"));
        var client = await SignInAsync(app, "host@phoenix.example.org");

        var week = await client.GetAsync("/manage/2024/schedule/phoenix");
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        var html = await week.Content.ReadAsStringAsync();
        Assert.Contains("Phoenix, AZ: the group", html);
        Assert.Contains("Run the scheduler", html);
        Assert.Contains("UTC−07:00", System.Net.WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/2024/schedule/tucson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/manage/2024/schedule/tucson/offers")).StatusCode);
        var index = await client.GetAsync("/manage/2024/schedule");
        Assert.Equal("/manage/2024/schedule/phoenix", index.Headers.Location!.ToString());

        var offers = "/manage/2024/schedule/phoenix/offers";
        var offersHtml = await client.GetStringAsync(offers);
        Assert.Contains("Synthetic opioid supply chains", offersHtml);
        var hostId = HostOption().Match(offersHtml).Groups[1].Value;

        // A tucson post with a Phoenix page's token still finds nothing.
        var other = await PostAsync(client, "/manage/2024/schedule/tucson/offers", offers, new() { ["Input.Topic"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var bad = await PostAsync(client, offers, offers, new()
        {
            ["Input.HostId"] = hostId,
            ["Input.Topic"] = "Cartel finance tracing with bank partners",
            ["Input.Themes"] = "money-laundering, narcotics",
            ["Input.Minutes"] = "999",
            ["Input.Value"] = "7",
            ["Input.Windows"] = "2024-05-09 13:00-16:00",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("value=\"Cartel finance tracing with bank partners\"", badHtml);
        Assert.Contains("value=\"999\"", badHtml);
        Assert.Contains("2024-05-09 13:00-16:00</textarea>", badHtml);
        Assert.Matches("data-valmsg-for=\"Input.Minutes\"[^>]*>Enter the length in minutes, from 15 to 480.<", badHtml);

        var good = await PostAsync(client, offers, offers, new()
        {
            ["Input.HostId"] = hostId,
            ["Input.Topic"] = "Cartel finance tracing with bank partners",
            ["Input.Themes"] = "money-laundering",
            ["Input.Minutes"] = "60",
            ["Input.Value"] = "7",
            ["Input.Windows"] = "2024-05-09 13:00-16:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Cartel finance tracing with bank partners", await client.GetStringAsync(offers));
    }

    [Theory, ProviderData]
    public async Task Staff_run_the_scheduler_as_a_job_then_a_move_onto_another_meeting_is_flagged_and_the_interpreter_waits_for_publishing(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await AddUserAsync(app, new NewUser("staff@tmssw.example.org", Roles.Staff, Password, EditionYears: [2024]));
        int groupId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            groupId = await db.Groups.Where(g => g.CityId == "phoenix").Select(g => g.Id).SingleAsync();
        }

        await AddUserAsync(app, new NewUser("interpreter@tmssw.example.org", Roles.Interpreter, Password, GroupId: groupId));
        var staff = await SignInAsync(app, "staff@tmssw.example.org");
        var url = "/manage/2024/schedule/phoenix";

        var run = await PostAsync(staff, url + "?handler=Run", url, []);
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var job = run.Headers.Location!.ToString();
        Assert.StartsWith("/jobs/", job);
        HttpResponseMessage status;
        var until = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            status = await staff.GetAsync(job);
        }
        while (status.StatusCode == HttpStatusCode.OK && DateTime.UtcNow < until);
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        var back = status.Headers.Location!.ToString();
        Assert.StartsWith(url + "?run=", back);
        var weekHtml = await staff.GetStringAsync(back);
        Assert.Contains("meetings saved", weekHtml);
        var ids = MeetingId().Matches(weekHtml).Select(m => m.Groups[1].Value).ToList();
        Assert.True(ids.Count >= 8);
        Assert.Matches("class=\"meeting s\\d+ n\\d+ st-planned", weekHtml);

        // The interpreter sees nothing before publishing.
        var interpreter = await SignInAsync(app, "interpreter@tmssw.example.org");
        var draft = await interpreter.GetStringAsync(url);
        Assert.Contains("not published yet", draft);
        Assert.DoesNotContain("data-meeting=", draft);
        Assert.Equal(HttpStatusCode.NotFound, (await interpreter.GetAsync("/manage/2024/schedule/tucson")).StatusCode);

        // Move the first meeting of the first day onto the start of the first meeting of the next day.
        var first = StartOf().Match(weekHtml);
        var moved = await PostAsync(staff, url + "?handler=Move", url, new()
        {
            ["meetingId"] = ids[^1],
            ["date"] = "2024-05-09",
            ["time"] = TimeOfMeeting(weekHtml, "2024-05-09"),
        });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var movedHtml = await moved.Content.ReadAsStringAsync();
        Assert.Contains("at the same time", movedHtml);
        Assert.Contains("meeting-" + ids[^1], movedHtml);
        Assert.Matches("class=\"meeting [^\"]*locked conflict", movedHtml);
        Assert.True(first.Success);

        var refused = await PostAsync(staff, url + "?handler=Publish", url, []);
        Assert.Contains("Resolve the conflicts before publishing", await refused.Content.ReadAsStringAsync());

        // The interpreter cannot post changes.
        var sneaky = await PostAsync(interpreter, url + "?handler=Publish", url, []);
        Assert.Equal(HttpStatusCode.NotFound, sneaky.StatusCode);

        // Back where it was (the plain form, no script), the week is valid and can be published.
        var at = weekHtml.IndexOf($"id=\"meeting-{ids[^1]}\"", StringComparison.Ordinal);
        var date = DateOf().Matches(weekHtml[..at]).Last().Groups[1].Value;
        var back2 = await PostAsync(staff, url + "?handler=Move", url, new()
        {
            ["meetingId"] = ids[^1],
            ["date"] = date,
            ["time"] = StartOf().Match(weekHtml, at).Groups[1].Value,
        });
        Assert.Contains("No conflicts", await back2.Content.ReadAsStringAsync());
        var published = await PostAsync(staff, url + "?handler=Publish", url, []);
        Assert.Contains("Published", await published.Content.ReadAsStringAsync());

        var visible = await interpreter.GetStringAsync(url);
        Assert.Equal(ids.Count, MeetingId().Count(visible));
        Assert.DoesNotContain("Run the scheduler", visible);
        Assert.DoesNotContain("handler=Move", visible);
    }

    private static string TimeOfMeeting(string html, string date)
    {
        var day = html.IndexOf($"data-date=\"{date}\"", StringComparison.Ordinal);
        var m = StartOf().Match(html, day);
        return m.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex HostOption();

    [GeneratedRegex("data-meeting=\"(\\d+)\"")]
    private static partial Regex MeetingId();

    [GeneratedRegex("data-date=\"(\\d{4}-\\d\\d-\\d\\d)\"")]
    private static partial Regex DateOf();

    [GeneratedRegex("<strong>(\\d\\d:\\d\\d)–\\d\\d:\\d\\d</strong>")]
    private static partial Regex StartOf();
}
