using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Tmssw.Web.Tests;

/// <summary>An axe scan of each main page: no violation of impact "serious" or "critical", and no console error.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityBrowserTests(BrowserApp app, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("/", null)]
    [InlineData("/editions/2024", null)]
    [InlineData("/conversations", null)]
    [InlineData("/conversations/{post}", null)]
    [InlineData("/account/login", null)]
    [InlineData("/home", "Staff")]
    [InlineData("/manage/2024", "Staff")]
    [InlineData("/manage/2024/participants", "Staff")]
    [InlineData("/manage/2024/participants/{participant}", "Staff")]
    [InlineData("/manage/2024/participants/{participant}/edit", "Staff")]
    [InlineData("/admin/users", "Admin")]
    [InlineData("/admin/audit", "Admin")]
    // Beyond the main pages: the rest a signed-in person reaches from the menus.
    [InlineData("/manage/2024/participants/new", "Staff")]
    [InlineData("/manage/2024/cities", "Staff")]
    [InlineData("/manage/2024/groups", "Staff")]
    [InlineData("/account/tokens", "Staff")]
    [InlineData("/account/password", "Staff")]
    [InlineData("/admin/users/{staff}", "Admin")]
    [InlineData("/manage/2024/participants/import", "Staff")]
    [InlineData("/manage/2024/participants/export", "Staff")]
    [InlineData("/manage/2024/split", "Staff")]
    [InlineData("/manage/2024/schedule", "Staff")]
    [InlineData("/manage/2024/schedule/phoenix", "Staff")]
    [InlineData("/manage/2024/schedule/phoenix/offers", "Host")]
    [InlineData("/editions/2024/conference/register", null)]
    [InlineData("/manage/2024/conference/guests", "Staff")]
    [InlineData("/manage/2024/conference/checkin", "Staff")]
    [InlineData("/manage/2024/conference/attendance", "Staff")]
    [InlineData("/manage/2024/tasks", "Host")]
    [InlineData("/manage/2024/tasks/steps", "Staff")]
    [InlineData("/manage/2024/hospitality/phoenix", "Host")]
    [InlineData("/manage/outbox", "Staff")]
    [InlineData("/manage/2024/evaluation", "Staff")]
    [InlineData("/manage/2024/evaluation/indicators", "Staff")]
    [InlineData("/manage/evaluation/ten-years", "Staff")]
    [InlineData("/manage/posts", "Staff")]
    [InlineData("/manage/posts/new", "Staff")]
    public async Task Page_has_no_serious_accessibility_violation(string path, string? role)
    {
        var url = await ResolveAsync(path);
        await using var tracked = role is null
            ? await app.NewPageAsync()
            : await app.SignedInPageAsync(DemoPeople.EmailOf[role]);
        await tracked.GoAsync(url); // styled: axe measures contrast on the final styles

        var result = await tracked.Page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe did run on the page
        output.WriteLine($"axe on {url}, lesser findings (not failing):\n" + Describe(result.Violations.Where(v => !Blocking.Contains(v.Impact))));
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"axe on {url}:\n" + Describe(blocking));
        tracked.AssertNoConsoleErrors();
    }

    /// <summary>The same scan on the edit form showing its errors next to the fields.</summary>
    [Fact]
    public async Task Edit_form_with_errors_has_no_serious_accessibility_violation()
    {
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"]);
        var page = tracked.Page;
        await tracked.GoAsync($"/manage/2024/participants/{app.People.OtherPhoenixParticipantId}/edit");
        await page.GetByLabel("Country (name or ISO code)").FillAsync("Atlantis");
        await page.GetByLabel("Gender (F, M or X)").FillAsync("Q");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "Atlantis" })).ToBeVisibleAsync();
        await BrowserApp.StyledAsync(page);

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe on the edit form with errors:\n" + Describe(blocking));
        tracked.AssertNoConsoleErrors();
    }

    /// <summary>A queued job's progress page (its place in the queue) at 375 px: axe-clean, nothing wider than the screen.</summary>
    [Fact]
    public async Task A_queued_jobs_page_shows_its_place_and_passes_axe_at_375_px()
    {
        var run = new Tmssw.Core.Jobs.JobRun
        {
            Id = Guid.NewGuid(),
            Kind = Tmssw.Core.Jobs.JobKinds.Split,
            LockKey = "split:axe-check",
            Title = "Split of 2024",
            OwnerUserId = app.People.StaffId,
            State = Tmssw.Core.Jobs.JobRunState.Queued,
            Phase = "queued",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await app.QueryAsync(async db =>
        {
            db.JobRuns.Add(run); // a row only: no trigger runs it, so it stays queued while the page is read
            return await db.SaveChangesAsync();
        });

        var phone = new BrowserNewContextOptions { ViewportSize = new() { Width = 375, Height = 800 } };
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"], phone);
        await tracked.GoAsync($"/jobs/{run.Id}");
        await Microsoft.Playwright.Assertions.Expect(tracked.Page.Locator(".queue-position")).ToBeVisibleAsync();
        Assert.Contains("in the queue", await tracked.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await tracked.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "The page is wider than 375 px.");

        var result = await tracked.Page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, "axe on a queued job's page:\n" + Describe(blocking));
        tracked.AssertNoConsoleErrors();
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{post}", StringComparison.Ordinal))
        {
            var slug = await app.QueryAsync(db => db.Posts.AsNoTracking().Where(p => p.IsPublished).OrderByDescending(p => p.PublishedAt).Select(p => p.Slug).FirstAsync());
            path = path.Replace("{post}", slug, StringComparison.Ordinal);
        }

        path = path.Replace("{staff}", app.People.StaffId, StringComparison.Ordinal);
        return path.Replace("{participant}", app.People.PhoenixParticipantId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n"
        + string.Join("\n", v.Nodes.Take(10).Select(n => $"    {n.Target}: {n.Html}"))));
}
