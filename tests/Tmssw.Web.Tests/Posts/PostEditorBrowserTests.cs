using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tmssw.Web.Tests.Posts;

/// <summary>The post editor in Chromium at 375 px: no horizontal overflow, a server preview without script, axe clean.</summary>
[Collection(BrowserTests.Name)]
public sealed class PostEditorBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task The_editor_fits_375_px_previews_on_the_server_and_passes_axe()
    {
        var draftId = await app.QueryAsync(db => db.Posts.AsNoTracking().Where(p => !p.IsPublished).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"], new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 } });
        var page = tracked.Page;
        await tracked.GoAsync($"/manage/posts/{draftId}");
        await Expect(page.Locator(".post-badge")).ToHaveTextAsync("Draft");

        await page.GetByLabel("Text (Markdown)").FillAsync("Seen at the port **in bold**.\n\n<script>window.hacked = true</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Preview (not saved)" })).ToBeVisibleAsync();
        await Expect(page.Locator(".post-preview strong")).ToHaveTextAsync("in bold");
        Assert.False(await page.EvaluateAsync<bool>("() => window.hacked === true"));
        // What was typed is still in the form.
        await Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Seen at the port"));
        await BrowserApp.StyledAsync(page);

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the editor is {width} px wide at 375 px");
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe on the post editor:\n" + string.Join("\n", blocking.Select(v => $"- {v.Id}: {v.Help} " + string.Join(" ", v.Nodes.Take(5).Select(n => n.Html)))));
        tracked.AssertNoConsoleErrors();
    }
}
