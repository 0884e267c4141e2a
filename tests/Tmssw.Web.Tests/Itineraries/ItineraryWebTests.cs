using System.Net;
using System.Text.RegularExpressions;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Itineraries;

/// <summary>The secret feed URL, the signed-in .ics downloads and the staff program page, over HTTP.</summary>
public sealed partial class ItineraryWebTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(html);
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static string FeedPath(string html)
    {
        var m = FeedUrl().Match(html);
        Assert.True(m.Success, "No feed address on the page.");
        return new Uri(WebUtility.HtmlDecode(m.Groups[1].Value)).PathAndQuery;
    }

    [Theory, ProviderData]
    public async Task A_feed_url_works_without_signing_in_until_it_is_regenerated_or_revoked(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = $"/manage/2024/participants/{app.People.PhoenixParticipantId}/itinerary";

        var created = await PostAsync(staff, page, "Feed", new() { ["change"] = "create" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var first = FeedPath(await created.Content.ReadAsStringAsync());
        Assert.Matches("^/feeds/[A-Za-z0-9_-]{43}\\.ics$", first);

        var feed = await anonymous.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", feed.Headers.CacheControl?.NoCache == true ? "no-cache" : "cached");
        var cal = await IcalJs.ParseAsync(await feed.Content.ReadAsStringAsync());
        Assert.Empty(cal.MissingZones);
        Assert.Contains(cal.Events, e => e.Uid == "demo2024-tpa-phx@tmssw" && e.End.OffsetMinutes == -420);
        Assert.Contains(cal.Events, e => e.Uid == "demo2024-dc-opening@tmssw" && e.Start.OffsetMinutes == -240);
        Assert.DoesNotContain(cal.Events, e => e.Uid == "demo2024-tpa-tus@tmssw");

        var regenerated = await PostAsync(staff, page, "Feed", new() { ["change"] = "regenerate" });
        var second = FeedPath(await regenerated.Content.ReadAsStringAsync());
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(staff, page, "Feed", new() { ["change"] = "revoke" })).StatusCode);
        var revoked = await anonymous.GetAsync(second);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.DoesNotContain("BEGIN:VCALENDAR", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task Signed_in_downloads_hold_what_each_role_may_see(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var interpreter = await app.SignInAsync("interpreter@tmssw.test");
        var host = await app.SignInAsync("host@tmssw.test");
        var participant = await app.SignInAsync("participant@tmssw.test");

        var download = await interpreter.GetAsync("/manage/2024/itinerary/phoenix?handler=Ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.EndsWith(".ics", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var whole = await IcalJs.ParseAsync(await download.Content.ReadAsStringAsync());
        Assert.Contains(whole.Events, e => e.Uid == "demo2024-dc-opening@tmssw");
        Assert.Contains(whole.Events, e => e.Uid == "demo2024-phx-nyc@tmssw");

        var hostCal = await IcalJs.ParseAsync(await host.GetStringAsync("/manage/2024/itinerary/phoenix?handler=Ics"));
        Assert.Contains(hostCal.Events, e => e.Uid == "demo2024-tpa-phx@tmssw");
        Assert.DoesNotContain(hostCal.Events, e => e.Uid.StartsWith("demo2024-dc-", StringComparison.Ordinal));
        Assert.DoesNotContain(hostCal.Events, e => e.Uid.StartsWith("conference-", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/manage/2024/itinerary/tucson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await interpreter.GetAsync("/manage/2024/itinerary/tucson?handler=Ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync("/manage/2024/itinerary/tucson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/manage/2024/participants/{app.People.OtherPhoenixParticipantId}/itinerary?handler=Ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/manage/2024/participants/{app.People.PhoenixParticipantId}/itinerary?handler=Ics")).StatusCode);

        // The group page shows the participant their fellow members' names, and the host's page says it is the city part only.
        var groupPage = await participant.GetStringAsync("/manage/2024/itinerary/phoenix");
        Assert.Contains("The group (", groupPage);
        Assert.Contains("while it is in your city", await host.GetStringAsync("/manage/2024/itinerary/phoenix"));
    }

    [Theory, ProviderData]
    public async Task Staff_add_change_and_cancel_a_program_item_and_the_feed_follows(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        const string page = "/manage/2024/program?phase=Plenary";

        var fields = new Dictionary<string, string>
        {
            ["ItemInput.Phase"] = "Plenary",
            ["ItemInput.Kind"] = "Session",
            ["ItemInput.Title"] = "Test briefing on border security",
            ["ItemInput.Start"] = "2024-05-03T15:00",
            ["ItemInput.End"] = "2024-05-03T16:00",
            ["ItemInput.CityId"] = "washington-dc",
            ["ItemInput.VenueName"] = "Meridian House",
            ["ItemInput.Address"] = "1630 Crescent Pl NW, Washington, DC 20009",
            ["ItemInput.Latitude"] = "38.9218",
            ["ItemInput.Longitude"] = "-77.0388",
            ["ItemInput.Audience"] = "Cohort",
        };
        var saved = await PostAsync(staff, page, "Item", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = await staff.GetStringAsync(page);
        Assert.Contains("Test briefing on border security", html);
        Assert.Contains("No conflicts", html);

        // An overlapping item is flagged as a conflict on the staff page.
        fields["ItemInput.Title"] = "Test overlapping reception";
        fields["ItemInput.Start"] = "2024-05-03T14:30";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, page, "Item", fields)).StatusCode);
        html = await staff.GetStringAsync(page);
        Assert.Contains("conflict(s) in participants", html);
        Assert.Contains("Test overlapping reception", html);

        var id = ItemId().Match(html).Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(staff, page, "Cancel", new() { ["what"] = "item", ["id"] = id, ["restore"] = "false" })).StatusCode);
        var cal = await IcalJs.ParseAsync(await staff.GetStringAsync("/manage/2024/program?handler=Ics"));
        var cancelled = Assert.Single(cal.Events, e => e.Summary == "Test overlapping reception");
        Assert.Equal(("CANCELLED", 1, -240), (cancelled.Status, cancelled.Sequence, cancelled.Start.OffsetMinutes));
        Assert.Contains("1630 Crescent Pl NW", cancelled.Location);
        Assert.Equal([38.9218, -77.0388], cancelled.Geo!);
        Assert.Contains("No conflicts", await staff.GetStringAsync(page));

        // A bad time is a message on the page, not an error.
        fields["ItemInput.End"] = "2024-05-03T10:00";
        var refused = await PostAsync(staff, page, "Item", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must end after it starts", await refused.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("value=\"(https?://[^\"]+/feeds/[^\"]+)\"")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("<td>Test overlapping reception <span.*?edit=item-(\\d+)", RegexOptions.Singleline)]
    private static partial Regex ItemId();
}
