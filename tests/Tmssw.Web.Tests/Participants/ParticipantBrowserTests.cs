using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tmssw.Web.Tests.Participants;

/// <summary>Staff work on a participant in a real browser: sign in, search, edit, change the status.</summary>
[Collection(BrowserTests.Name)]
public sealed class ParticipantBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task Staff_sign_in_find_a_participant_fix_a_failed_edit_and_change_the_status()
    {
        var participant = await app.ParticipantAsync(app.People.TucsonParticipantId);
        await using var tracked = await app.NewPageAsync();
        var page = tracked.Page;

        // Sign in through the form.
        await BrowserApp.SignInThroughFormAsync(page, DemoPeople.EmailOf["Staff"]);

        // Find them with the list's search box and open them.
        await tracked.GoAsync("/manage/2024/participants");
        await page.GetByRole(AriaRole.Searchbox).Or(page.GetByLabel("Search")).First.FillAsync(participant.FamilyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]q="), BrowserApp.AfterClick);
        var link = page.GetByRole(AriaRole.Link, new() { Name = $"{participant.FamilyName}, {participant.GivenName}", Exact = true });
        await link.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/manage/2024/participants/{participant.Id}$"), BrowserApp.AfterClick);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{participant.GivenName} {participant.FamilyName}");

        // Edit with an unknown country and a bad e-mail: each message is next to its field, and what was typed stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/edit$"), BrowserApp.AfterClick);
        var country = page.GetByLabel("Country (name or ISO code)");
        var email = page.GetByLabel("Personal e-mail");
        var agency = page.GetByLabel("Agency");
        await country.FillAsync("Atlantis");
        await email.FillAsync("not-an-address");
        await agency.FillAsync("Ministry of Browser Tests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        // Wait for the answer itself (not a load event, which races the form post on a busy machine).
        await Expect(page.Locator("#Input_Country ~ .field-error")).ToContainTextAsync("'Atlantis' is not a country we know");
        await Expect(country).ToHaveValueAsync("Atlantis");
        await Expect(email).ToHaveValueAsync("not-an-address");
        await Expect(agency).ToHaveValueAsync("Ministry of Browser Tests");
        await Expect(page.Locator("#Input_Country ~ .field-error")).ToContainTextAsync("'Atlantis' is not a country we know");
        await Expect(page.Locator("#Input_PersonalEmail ~ .field-error")).ToContainTextAsync("Enter an e-mail address");
        await Expect(country).ToHaveClassAsync(new Regex("input-validation-error"));
        // Fields without a problem show no message.
        await Expect(page.Locator("#Input_Agency ~ .field-error")).ToHaveTextAsync("");

        // Fix both and save: back on the detail page with the new values.
        await country.FillAsync("Ecuador");
        await email.FillAsync("browser.person@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/manage/2024/participants/{participant.Id}(\\?.*)?$"), BrowserApp.AfterClick);
        var fields = page.Locator("dl.fields").First;
        await Expect(fields).ToContainTextAsync("Ecuador");
        await Expect(fields).ToContainTextAsync("Ministry of Browser Tests");

        // Change the status with a reason; the change is in the history.
        var to = page.GetByLabel("New status");
        var options = await to.Locator("option").AllTextContentsAsync();
        var target = options.Contains("Withdrawn") ? "Withdrawn" : options[0];
        await to.SelectOptionAsync(target);
        await page.GetByLabel(new Regex("^Reason")).FillAsync("Visa appointment unavailable (browser test)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        var history = page.Locator("h2:has-text('History') + .table-wrap table tbody tr").First;
        await Expect(page.Locator("p.notice")).ToContainTextAsync($"Status changed to {target}");
        await Expect(page.Locator("dl.fields").First).ToContainTextAsync(target);
        await Expect(history).ToContainTextAsync($"{participant.Status} → {target}");
        await Expect(history).ToContainTextAsync("Visa appointment unavailable (browser test)");
        await Expect(history).ToContainTextAsync("staff@tmssw.test");

        tracked.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Participant_pages_work_at_375_pixels_wide()
    {
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"], options);
        var page = tracked.Page;
        var id = app.People.PhoenixParticipantId;

        await tracked.GoAsync("/manage/2024/participants");
        await AssertNoHorizontalOverflow(page, "participants list");
        var search = page.GetByLabel("Search");
        await Expect(search).ToBeVisibleAsync();
        await search.ClickAsync();
        await search.FillAsync("a");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]q=a"), BrowserApp.AfterClick);
        await AssertNoHorizontalOverflow(page, "participants list, searched");

        await tracked.GoAsync($"/manage/2024/participants/{id}");
        await AssertNoHorizontalOverflow(page, "participant detail");
        var edit = page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true });
        await Expect(edit).ToBeVisibleAsync();
        await edit.ClickAsync();
        await page.WaitForURLAsync(new Regex("/edit$"), BrowserApp.AfterClick);

        await AssertNoHorizontalOverflow(page, "edit form");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        await save.ScrollIntoViewIfNeededAsync();
        await Expect(save).ToBeVisibleAsync();
        await Expect(save).ToBeInViewportAsync();
        await save.ClickAsync(new() { Trial = true }); // clickable: nothing covers it
        await save.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/manage/2024/participants/{id}(\\?.*)?$"), BrowserApp.AfterClick);
        await AssertNoHorizontalOverflow(page, "participant detail after saving");

        tracked.AssertNoConsoleErrors();
    }

    /// <summary>The other main pages at the same width: no horizontal page overflow (wide tables scroll inside their box).</summary>
    [Theory]
    [InlineData(null, new[] { "/", "/editions/2024", "/conversations", "/account/login" })]
    [InlineData("Staff", new[] { "/home", "/manage/2024" })]
    [InlineData("Admin", new[] { "/admin/users", "/admin/audit" })]
    public async Task Main_pages_do_not_overflow_at_375_pixels(string? role, string[] paths)
    {
        var options = new BrowserNewContextOptions { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true };
        await using var tracked = role is null ? await app.NewPageAsync(options) : await app.SignedInPageAsync(DemoPeople.EmailOf[role], options);
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await tracked.GoAsync(path);
            try
            {
                await AssertNoHorizontalOverflow(tracked.Page, path);
            }
            catch (Xunit.Sdk.FailException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        tracked.AssertNoConsoleErrors();
    }

    internal static async Task AssertNoHorizontalOverflow(IPage page, string what)
    {
        const int client = 375;
        await BrowserApp.StyledAsync(page);
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scroll > client + 1)
        {
            var wide = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > 376)
                    .filter(e => !e.closest('.table-wrap'))
                    .slice(0, 8)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
                """);
            Assert.Fail($"{what} ({page.Url}) overflows horizontally: scrollWidth {scroll} > {client}. Too wide: {string.Join("; ", wide)}");
        }
    }
}
