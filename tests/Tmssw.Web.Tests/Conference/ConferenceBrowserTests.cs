using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Tmssw.Web.Tests.Conference;

/// <summary>
/// In Chromium: the public agenda, a session and the changelog at 375 px without JavaScript are
/// axe clean and fit the screen; a staff member drags a session to another room and time on the
/// editor's grid and the server moves it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ConferenceBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("/editions/2024/conference", "Illicit markets")]
    [InlineData("/editions/2024/conference/sessions/{session}", "Objectives this session serves")]
    [InlineData("/editions/2024/conference/speakers/{speaker}", "(synthetic)")]
    [InlineData("/editions/2024/conference/changelog", "Moved:")]
    public async Task Public_pages_are_axe_clean_and_fit_375_px_without_javascript(string path, string shows)
    {
        var session = await app.QueryAsync(db => db.ConferenceSessions.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var speaker = await app.QueryAsync(db => db.Speakers.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var url = path.Replace("{session}", $"{session}", StringComparison.Ordinal).Replace("{speaker}", $"{speaker}", StringComparison.Ordinal);
        await using var tracked = await app.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 }, JavaScriptEnabled = false });
        var response = await tracked.GoAsync(url);
        Assert.Equal(200, response.Status);
        await tracked.Page.WaitForLoadStateAsync(LoadState.Load);
        var text = await tracked.Page.Locator("main").InnerTextAsync();
        Assert.Contains(shows, text, StringComparison.Ordinal);
        tracked.AssertNoConsoleErrors();

        // axe needs script: the same page again with JavaScript on, at the same width.
        await using var scanned = await app.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });
        await scanned.GoAsync(url);
        await scanned.Page.WaitForLoadStateAsync(LoadState.Load);
        var result = await scanned.Page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe on {url}:\n" + Describe(blocking));
        var width = await scanned.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"{url} is {width} px wide at 375 px.");
        scanned.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Staff_drag_a_session_onto_another_room_and_time_and_the_server_moves_it()
    {
        var (sessionId, libertyId) = await app.QueryAsync(async db => (
            await db.ConferenceSessions.Where(s => s.Title.StartsWith("Following the money")).Select(s => s.Id).SingleAsync(),
            await db.ConferenceRooms.Where(r => r.Name == "Liberty Room").Select(r => r.Id).SingleAsync()));
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"]);
        var page = tracked.Page;
        await tracked.GoAsync("/manage/2024/conference");

        var source = page.Locator($".slot-session[data-session='{sessionId}']");
        var target = page.Locator($"table[data-date='2024-05-16'] td.slot[data-time='16:00'][data-room='{libertyId}']");
        await source.DragToAsync(target);
        await page.WaitForURLAsync(url => url.Contains("done=moved", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"td.slot[data-time='16:00'][data-room='{libertyId}'] .slot-session.changed")).ToHaveCountAsync(1);

        var moved = await app.QueryAsync(db => db.ConferenceSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal((new DateTime(2024, 5, 16, 16, 0, 0), new DateTime(2024, 5, 16, 17, 30, 0), (int?)libertyId), (moved.Start, moved.End, moved.RoomId));
        await Assertions.Expect(page.Locator("#unpublished")).ToContainTextAsync("Following the money");

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe on the editor:\n" + Describe(blocking));
        tracked.AssertNoConsoleErrors();

        // Put it back, with the keyboard form, so other browser tests see the demo as loaded.
        var card = page.Locator($"#session-{sessionId}");
        await card.GetByLabel("Start").FillAsync("14:00");
        await card.GetByLabel("Room").SelectOptionAsync(new SelectOptionValue { Label = "Liberty Room" });
        await card.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("done=moved", StringComparison.Ordinal));
        var back = await app.QueryAsync(db => db.ConferenceSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal(new DateTime(2024, 5, 16, 14, 0, 0), back.Start);
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n"
        + string.Join("\n", v.Nodes.Take(10).Select(n => $"    {n.Target}: {n.Html}"))));
}
