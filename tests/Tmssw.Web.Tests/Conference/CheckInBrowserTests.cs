using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;

namespace Tmssw.Web.Tests.Conference;

/// <summary>The door's page and the guest form in Chromium on a phone-sized screen: the offline queue, the form without JavaScript, axe.</summary>
[Collection(BrowserTests.Name)]
public sealed class CheckInBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static BrowserNewContextOptions Phone() => new() { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true };

    private Task<List<int>> SessionIdsAsync() => app.QueryAsync(db =>
        db.ConferenceSessions.Where(s => db.Editions.Any(e => e.Id == s.EditionId && e.Year == 2024)).OrderBy(s => s.Start).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync());

    private async Task<string> BadgeTokenAsync(int participantId)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<IssueBadgeToken>().Issue(new BadgeClaim(2024, BadgeRoles.Participant, participantId));
    }

    [Fact]
    public async Task A_scan_made_offline_is_queued_and_arrives_with_its_original_time_when_the_connection_returns()
    {
        var session = (await SessionIdsAsync())[3];
        var participant = app.People.TucsonParticipantId;
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"], Phone());
        var page = tracked.Page;
        await tracked.GoAsync($"/manage/2024/conference/checkin?session={session}");
        var token = await BadgeTokenAsync(participant);

        await tracked.Context.SetOfflineAsync(true);
        await page.GetByLabel("Badge code (type or paste)").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#checkin-queue")).ToContainTextAsync("1 scan waits");
        var queued = await page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('tmssw-checkin-queue-2024'))[0].scannedAt");
        Assert.False(await app.QueryAsync(db => db.CheckIns.AnyAsync(c => c.SessionId == session && c.PersonId == participant && c.PersonKind == BadgeRoles.Participant)));

        await tracked.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator(".checkin-result").First).ToContainTextAsync("Checked in at");
        await Assertions.Expect(page.Locator("#checkin-queue")).ToHaveTextAsync("");
        var stored = await app.QueryAsync(db => db.CheckIns.SingleAsync(c => c.SessionId == session && c.PersonId == participant && c.PersonKind == BadgeRoles.Participant));
        Assert.Equal(DateTimeOffset.Parse(queued, System.Globalization.CultureInfo.InvariantCulture), stored.ScannedAt);
        Assert.True(stored.RecordedAt >= stored.ScannedAt);

        // The same badge again, online this time: flagged, not counted.
        await page.GetByLabel("Badge code (type or paste)").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".checkin-result.duplicate").First).ToContainTextAsync("Already checked in at");
        Assert.Equal(1, await app.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == session && c.PersonId == participant && c.PersonKind == BadgeRoles.Participant)));

        var axe = await page.RunAxe();
        var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe on the check-in page: " + string.Join("; ", blocking.Select(v => v.Id)));

        // The only errors are the requests the browser could not send while the network was cut.
        var errors = tracked.Errors.Where(e => !e.Contains("ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_registration_form_works_without_javascript_keeps_what_was_typed_and_passes_axe_at_375_px()
    {
        var options = Phone();
        options.JavaScriptEnabled = false;
        await using var tracked = await app.NewPageAsync(options);
        var page = tracked.Page;
        await tracked.GoAsync("/editions/2024/conference/register");
        var axe = await page.RunAxeWithScript();
        Assert.True(axe.Count == 0, "axe on the registration form: " + string.Join("; ", axe));

        await page.GetByLabel("Full name").FillAsync("Jordan Reyes");
        await page.GetByLabel("Organization").FillAsync("Port Authority Police");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give your e-mail address.");
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Jordan Reyes");
        await Assertions.Expect(page.GetByLabel("Organization")).ToHaveValueAsync("Port Authority Police");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the form is {width} px wide at 375 px");

        await page.GetByLabel("Position (job title)").FillAsync("Lieutenant");
        await page.GetByLabel("E-mail").FillAsync("jordan.reyes@example.org");
        await page.Locator("input[name='Input.SessionIds']").First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your registration was received")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.qr")).ToBeVisibleAsync();
        axe = await page.RunAxeWithScript();
        Assert.True(axe.Count == 0, "axe on the guest's page: " + string.Join("; ", axe));
    }
}

internal static class AxeWithoutPageScript
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>axe needs script in the page: a page whose JavaScript is off is scanned in a second, scripted context on the same HTML.</summary>
    public static async Task<List<string>> RunAxeWithScript(this IPage page)
    {
        var html = await page.ContentAsync();
        var context = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, BaseURL = page.Url });
        try
        {
            var scripted = await context.NewPageAsync();
            await scripted.GotoAsync(page.Url);
            await scripted.SetContentAsync(html);
            var result = await scripted.RunAxe();
            return result.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})").ToList();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
