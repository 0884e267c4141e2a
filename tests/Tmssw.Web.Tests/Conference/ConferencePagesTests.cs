using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Conference;

/// <summary>
/// The public conference pages and feeds (anonymous, the published version only) and the staff
/// schedule editor's forms (move, cancel, publish, bad input) over HTTP, on both databases.
/// </summary>
public sealed partial class ConferencePagesTests
{
    private const string Editor = "/manage/2024/conference";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(Editor);
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(html);
        return await client.PostAsync($"{Editor}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<(int Id, int RoomId)> SessionAsync(TmsswAppFactory app, string titleStart, string room)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var id = await db.ConferenceSessions.Where(s => s.Title.StartsWith(titleStart)).Select(s => s.Id).SingleAsync();
        var roomId = await db.ConferenceRooms.Where(r => r.Name == room).Select(r => r.Id).SingleAsync();
        return (id, roomId);
    }

    [Theory, ProviderData]
    public async Task The_public_reads_the_published_agenda_its_pages_and_feeds_without_signing_in(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var edition = await anonymous.GetStringAsync("/editions/2024");
        Assert.Contains("href=\"/editions/2024/conference\"", edition);

        var agenda = await anonymous.GetStringAsync("/editions/2024/conference");
        Assert.Contains("Agenda version <strong>v2</strong>", agenda);
        Assert.Contains("Thursday, May 16, 2024", agenda);
        Assert.Contains("Friday, May 17, 2024", agenda);
        foreach (var track in new[] { "Plenary", "Security threats", "Illicit markets", "Illicit finance and cybercrime" })
        {
            Assert.Contains($"<h3>{track}</h3>", agenda);
        }

        Assert.Contains("Countering terrorist use of the internet", agenda);
        Assert.Contains("Cancelled", agenda);
        Assert.DoesNotContain("<script>", agenda);

        var sessionId = SessionLink().Match(agenda).Groups[1].Value;
        var session = await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{sessionId}");
        Assert.Contains("Objectives this session serves", session);
        var speakerId = SpeakerLink().Match(session).Groups[1].Value;
        var speaker = await anonymous.GetStringAsync($"/editions/2024/conference/speakers/{speakerId}");
        Assert.Contains("(synthetic)", speaker);
        Assert.Contains($"/editions/2024/conference/sessions/{sessionId}\"", speaker);

        var changelog = await anonymous.GetStringAsync("/editions/2024/conference/changelog");
        Assert.Contains("<strong>Moved:</strong>", changelog);
        Assert.Contains("<strong>Cancelled:</strong>", changelog);
        Assert.Contains("<strong>Added:</strong>", changelog);
        Assert.Contains("in East River Room to Fri May 17 09:00–10:00 in Liberty Room", changelog);

        var feed = await anonymous.GetAsync("/editions/2024/conference/agenda.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var cal = await IcalJs.ParseAsync(await feed.Content.ReadAsStringAsync());
        Assert.Equal(["America/New_York"], cal.Zones);
        Assert.Empty(cal.MissingZones);
        Assert.Equal(12, cal.Events.Count);
        var cancelled = Assert.Single(cal.Events, e => e.Status == "CANCELLED");
        Assert.Equal(("Countering terrorist use of the internet", 1), (cancelled.Summary, cancelled.Sequence));
        var maritime = Assert.Single(cal.Events, e => e.Summary.StartsWith("Maritime crime", StringComparison.Ordinal));
        Assert.Equal((1, new DateTimeOffset(2024, 5, 17, 13, 0, 0, TimeSpan.Zero), -240), (maritime.Sequence, maritime.Start.Utc, maritime.Start.OffsetMinutes));

        var one = await IcalJs.ParseAsync(await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{sessionId}.ics"));
        Assert.Equal($"conference-{sessionId}@tmssw", Assert.Single(one.Events).Uid);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/editions/2024/conference/sessions/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/editions/2024/conference/speakers/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/editions/2024/conference/sessions/999999.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/editions/2023/conference")).StatusCode); // nothing published for 2023
    }

    [Theory, ProviderData]
    public async Task A_move_by_the_keyboard_form_stays_in_the_draft_until_published(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var (trafficking, hudson) = await SessionAsync(app, "Trafficking in persons", "Hudson Room");

        // Friday 09:00 in the Hudson Room, where the cybercrime session is: moved, and warned at once.
        var moved = await PostAsync(staff, "Move", new() { ["sessionId"] = $"{trafficking}", ["date"] = "2024-05-17", ["time"] = "09:00", ["roomId"] = $"{hudson}" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var editor = await staff.GetStringAsync(moved.Headers.Location!.ToString());
        Assert.Contains("Session moved.", editor);
        Assert.Contains("data-kind=\"RoomDoubleBooked\"", editor);
        Assert.Contains("Hudson Room is booked twice", editor);
        Assert.Contains("<strong>Moved:</strong> Trafficking in persons", editor);

        // The public still sees v2.
        var before = await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{trafficking}");
        Assert.Contains("Thursday, May 16, 2024, 14:00–15:30", before);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Publish", new() { ["versionName"] = "v3 (test)" })).StatusCode);
        var after = await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{trafficking}");
        Assert.Contains("Friday, May 17, 2024, 09:00–10:30", after);
        Assert.Contains("Agenda version <strong>v3 (test)</strong>", await anonymous.GetStringAsync("/editions/2024/conference"));
        Assert.Contains("from Thu May 16 14:00–15:30 in Hudson Room to Fri May 17 09:00–10:30 in Hudson Room", await anonymous.GetStringAsync("/editions/2024/conference/changelog"));

        // The JSON API reads the same published version.
        var json = await staff.GetFromJsonAsync<JsonElement>("/api/v1/editions/2024/conference/sessions");
        Assert.Equal("v3 (test)", json.GetProperty("version").GetString());
        var row = json.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == trafficking);
        Assert.Equal(("2024-05-17T09:00:00", "Hudson Room", 1), (row.GetProperty("start").GetString(), row.GetProperty("room").GetString(), row.GetProperty("sequence").GetInt32()));

        // Cancel by its form: the draft says so; the public sees it only after the next version.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Cancel", new() { ["sessionId"] = $"{trafficking}", ["restore"] = "false" })).StatusCode);
        Assert.DoesNotContain("This session is cancelled", await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{trafficking}"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, "Publish", new() { ["versionName"] = "v4" })).StatusCode);
        Assert.Contains("This session is cancelled", await anonymous.GetStringAsync($"/editions/2024/conference/sessions/{trafficking}"));
    }

    [Theory, ProviderData]
    public async Task Bad_input_is_named_and_what_was_typed_is_kept(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");

        var bad = await PostAsync(staff, "Session", new()
        {
            ["SessionInput.Title"] = "A session that ends before it starts",
            ["SessionInput.Kind"] = "Parallel",
            ["SessionInput.Start"] = "2024-05-16T11:00",
            ["SessionInput.End"] = "2024-05-16T10:00",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("The session must end after it starts.", html);
        Assert.Contains("value=\"A session that ends before it starts\"", html);

        var garbage = await PostAsync(staff, "Session", new() { ["SessionInput.Title"] = "x", ["SessionInput.Start"] = "tomorrow", ["SessionInput.End"] = "%00" });
        Assert.Contains("Give the start and end as local date and time", await garbage.Content.ReadAsStringAsync());
        var room = await PostAsync(staff, "Room", new() { ["RoomInput.Name"] = "Closet", ["RoomInput.Capacity"] = "-3" });
        Assert.Contains("Give the room&#x27;s capacity as a whole number of seats", await room.Content.ReadAsStringAsync());
        var move = await PostAsync(staff, "Move", new() { ["sessionId"] = "1", ["date"] = "2024-13-45", ["time"] = "25:99" });
        Assert.Contains("Give the new day", await move.Content.ReadAsStringAsync());
        var publish = await PostAsync(staff, "Publish", new() { ["versionName"] = "v2" });
        Assert.Contains("A version called “v2” was already published", WebUtility.HtmlDecode(await publish.Content.ReadAsStringAsync()));

        // A new session with a speaker and a moderator, saved by the form.
        var (_, liberty) = await SessionAsync(app, "Ransomware", "Liberty Room");
        var added = await PostAsync(staff, "Session", new()
        {
            ["SessionInput.Title"] = "Test session on port security",
            ["SessionInput.Kind"] = "Parallel",
            ["SessionInput.Track"] = "Security threats",
            ["SessionInput.RoomId"] = $"{liberty}",
            ["SessionInput.Start"] = "2024-05-16T16:00",
            ["SessionInput.End"] = "2024-05-16T17:00",
            ["SessionInput.ExpectedAttendance"] = "200",
            ["SessionInput.Themes"] = "maritime-crime",
            ["SessionInput.Objectives"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var editor = await staff.GetStringAsync(added.Headers.Location!.ToString());
        Assert.Contains("expects 200 people, but Liberty Room seats 60", editor);
    }

    [GeneratedRegex("/editions/2024/conference/sessions/(\\d+)\"")]
    private static partial Regex SessionLink();

    [GeneratedRegex("/editions/2024/conference/speakers/(\\d+)\"")]
    private static partial Regex SpeakerLink();
}
