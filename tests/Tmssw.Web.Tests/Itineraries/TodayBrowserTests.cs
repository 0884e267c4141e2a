using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tmssw.Web.Tests.Itineraries;

/// <summary>Today on a 375-pixel phone in Chromium: what is next with its address and map link, axe-clean, readable offline after one load.</summary>
[Collection(BrowserTests.Name)]
public sealed class TodayBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static BrowserNewContextOptions Phone() => new() { ViewportSize = new ViewportSize { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task Today_at_375_px_shows_next_with_address_and_map_passes_axe_and_reads_offline_after_one_load()
    {
        var itinerary = await TravellerData.ItineraryOfAsync(app.App.Services, app.People.PhoenixParticipantId);
        var withAddress = TravellerData.DayWithAddress(itinerary);
        var first = TravellerData.FirstOfDay(itinerary, withAddress.LocalStart);
        var day = withAddress.LocalStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var tracked = await app.SignedInPageAsync(DemoPeopleEmail("Participant"), Phone());
        var page = tracked.Page;
        await tracked.GoAsync($"/me/today?day={day}");
        var next = page.Locator("section[aria-labelledby=next-heading]");
        await Expect(next).ToContainTextAsync(first.Title);
        var all = page.Locator("main");
        await Expect(all).ToContainTextAsync(withAddress.Address!);
        Assert.True(await page.Locator("a[href^='https://www.openstreetmap.org/']").CountAsync() > 0, "no map link");

        // Usable at 375 px: nothing wider than the screen.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"the page is {scrollWidth} px wide at a 375 px viewport");

        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        var blocking = axe.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe: " + string.Join("; ", blocking.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));

        // The service worker has kept the page, its styles and the coming days.
        await Expect(page.Locator("body[data-offline=ready]")).ToHaveCountAsync(1);
        await tracked.Context.SetOfflineAsync(true);
        try
        {
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit, Timeout = BrowserApp.NavigationTimeout });
            await Expect(page.Locator("section[aria-labelledby=next-heading]")).ToContainTextAsync(first.Title);
            var coming = page.Locator("a[data-offline]");
            if (await coming.CountAsync() > 0)
            {
                await coming.First.ClickAsync();
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                Assert.Contains("/me/today?day=", page.Url, StringComparison.Ordinal);
                await Expect(page.Locator("section[aria-labelledby=next-heading]")).ToBeVisibleAsync();
            }
        }
        finally
        {
            await tracked.Context.SetOfflineAsync(false);
        }
    }

    [Fact]
    public async Task Switching_to_arabic_turns_the_pages_right_to_left_in_arabic_words()
    {
        await using var tracked = await app.SignedInPageAsync(DemoPeopleEmail("Participant"), Phone());
        var page = tracked.Page;
        await tracked.GoAsync("/me/today");

        // The service worker (/me/sw.js) is installed and has kept the page before the switch. The
        // redirected GET after the switch may be answered through it, and waiting for that answer as
        // a page response (or for a load event) timed out now and then, so the test waits for what
        // the new page shows.
        await Expect(page.Locator("body[data-offline=ready]")).ToHaveCountAsync(1);
        await page.Locator("#me-language").SelectOptionAsync("ar");
        await page.Locator("form.me-language button[type=submit]").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("h1")).ToContainTextAsync("اليوم");
        await BrowserApp.StyledAsync(page);
        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => Blocking.Contains(v.Impact));

        await tracked.GoAsync("/me/itinerary");
        await Expect(page.Locator("h1")).ToHaveTextAsync("برنامج رحلتي");
        await page.Locator("#me-language").SelectOptionAsync("en");
        await page.Locator("form.me-language button[type=submit]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("My itinerary");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task An_interpreter_gets_today_for_their_group()
    {
        await using var tracked = await app.SignedInPageAsync(DemoPeopleEmail("Interpreter"), Phone());
        await tracked.GoAsync("/me/today");
        await Expect(tracked.Page.Locator("section[aria-labelledby=next-heading]")).ToBeVisibleAsync();
        var axe = await tracked.Page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => Blocking.Contains(v.Impact));
    }

    private static string DemoPeopleEmail(string role) => Tmssw.Web.Tests.DemoPeople.EmailOf[role];
}
