using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tmssw.Web.Tests.Posts;

/// <summary>The public "Latest Conversations": "Load more" in place with htmx, a plain link without JavaScript.</summary>
[Collection(BrowserTests.Name)]
public sealed class ConversationsBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task Load_more_appends_the_next_posts_in_place()
    {
        await using var tracked = await app.NewPageAsync();
        var page = tracked.Page;
        await tracked.GoAsync("/conversations");
        var url = page.Url;
        var articles = page.Locator("#posts article.post");
        var before = await articles.CountAsync();
        Assert.True(before > 0, "No post on the first page.");
        var firstTitle = await articles.First.Locator("h2").TextContentAsync();

        var loadMore = page.GetByRole(AriaRole.Link, new() { Name = "Load more" });
        await Expect(loadMore).ToBeVisibleAsync();
        // htmx is loaded (deferred) before we click, else the click would simply navigate.
        await page.WaitForFunctionAsync("() => window.htmx !== undefined");
        var fragment = page.WaitForResponseAsync(r => r.Url.Contains("partial=true"));
        await loadMore.ClickAsync();
        var response = await fragment;
        Assert.Equal(200, response.Status);

        await Expect(articles).Not.ToHaveCountAsync(before);
        var after = await articles.CountAsync();
        Assert.True(after > before, $"{before} posts before, {after} after.");
        Assert.Equal(url, page.Url);
        Assert.Equal(firstTitle, await articles.First.Locator("h2").TextContentAsync());
        // Every post title once: the next page, not the first again.
        var titles = await articles.Locator("h2").AllTextContentsAsync();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        // The one "Load more" left (if any) points further on.
        Assert.True(await page.Locator("#load-more").CountAsync() <= 1);

        tracked.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Without_JavaScript_load_more_goes_to_page_two()
    {
        await using var tracked = await app.NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = tracked.Page;
        await tracked.GoAsync("/conversations");
        var firstPageTitles = await page.Locator("article.post h2").AllTextContentsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Load more" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/conversations?page=2", StringComparison.Ordinal), BrowserApp.AfterClick);
        var secondPageTitles = await page.Locator("article.post h2").AllTextContentsAsync();
        Assert.NotEmpty(secondPageTitles);
        Assert.Empty(secondPageTitles.Intersect(firstPageTitles));
        // A whole page, not a fragment.
        await Expect(page.Locator("header.site")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Latest Conversations");

        tracked.AssertNoConsoleErrors();
    }
}
