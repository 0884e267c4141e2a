using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tmssw.Core;
using Tmssw.Core.Accounts;
using Tmssw.Core.Evaluation;

namespace Tmssw.Web.Tests.Evaluation;

/// <summary>
/// In Chromium: a survey opened through a personal link at 375 px, in Arabic (right to left) and in
/// English, axe clean, answered partially then submitted once; the staff survey list and builder axe clean.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SurveyBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>A survey open today with an Arabic text, its invitations scheduled; the link paths of two of them.</summary>
    private async Task<(int Survey, string First, string Second)> OpenSurveyAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var admin = UserScope.Admin("browser test");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (survey, errors) = await scope.ServiceProvider.GetRequiredService<SaveSurvey>().RunAsync(admin, 2024, new SurveyInput(null, "AlumniYear5", true,
            new Dictionary<string, string?> { ["en"] = "Five years later", ["ar"] = "بعد خمسة أعوام" }, null, today.AddDays(-1), today.AddDays(20)));
        Assert.Empty(errors);
        var save = scope.ServiceProvider.GetRequiredService<SaveSurveyQuestion>();
        Assert.Empty((await save.RunAsync(admin, 2024, survey!.Value, new QuestionInput(null, "Likert5",
            new Dictionary<string, string?> { ["en"] = "How useful is the network today?", ["ar"] = "ما مدى فائدة الشبكة اليوم؟" }, Required: true))).Errors);
        Assert.Empty((await save.RunAsync(admin, 2024, survey.Value, new QuestionInput(null, "Number",
            new Dictionary<string, string?> { ["en"] = "How many program contacts do you still work with?" }, Min: 0, Max: 100))).Errors);
        Assert.Empty((await save.RunAsync(admin, 2024, survey.Value, new QuestionInput(null, "FreeText",
            new Dictionary<string, string?> { ["en"] = "What lasted?" }))).Errors);
        await scope.ServiceProvider.GetRequiredService<ScheduleSurveyInvitations>().RunAsync(admin, 2024, survey.Value);
        var links = await scope.ServiceProvider.GetRequiredService<ListSurveyLinks>().RunAsync(admin, 2024, survey.Value);
        return (survey.Value, new Uri(links[0].Url).PathAndQuery, new Uri(links[1].Url).PathAndQuery);
    }

    [Fact]
    public async Task A_survey_link_works_at_375_px_in_arabic_right_to_left_saves_partial_answers_and_submits_once()
    {
        var (_, first, second) = await OpenSurveyAsync();
        var phone = new BrowserNewContextOptions { ViewportSize = new() { Width = 375, Height = 800 } };

        await using (var arabic = await app.NewPageAsync(phone))
        {
            var response = await arabic.GoAsync(first + "?lang=ar");
            Assert.Equal(200, response.Status);
            var page = arabic.Page;
            Assert.Equal(("ar", "rtl"), (await page.GetAttributeAsync("html", "lang"), await page.GetAttributeAsync("html", "dir")));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("بعد خمسة أعوام");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ما مدى فائدة الشبكة اليوم؟");
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
            var result = await page.RunAxe();
            var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
            Assert.True(blocking.Count == 0, "axe on the Arabic survey:\n" + Describe(blocking));

            // A partial save with a wrong number keeps the good answer and says what is wrong, in Arabic.
            await page.Locator("input[type=radio][value='4']").CheckAsync();
            await page.Locator("input[inputmode=decimal]").FillAsync("كثير");
            await page.GetByRole(AriaRole.Button, new() { Name = SurveyText.Get("SaveForLater", "ar") }).ClickAsync();
            await Assertions.Expect(page.Locator(".field-error")).ToHaveTextAsync(SurveyText.Get("NotANumber", "ar"));
            await Assertions.Expect(page.Locator("input[type=radio][value='4']")).ToBeCheckedAsync();
            arabic.AssertNoConsoleErrors();
        }

        await using (var english = await app.NewPageAsync(phone))
        {
            var page = english.Page;
            await english.GoAsync(first + "?lang=en");
            await Assertions.Expect(page.Locator("input[type=radio][value='4']")).ToBeCheckedAsync();
            await page.Locator("input[inputmode=decimal]").FillAsync("6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
            await Assertions.Expect(page.Locator("main .notice")).ToHaveTextAsync(SurveyText.Get("Thanks", "en"));
            await english.GoAsync(first + "?lang=en");
            await Assertions.Expect(page.Locator("main .notice")).ToHaveTextAsync(SurveyText.Get("AlreadyAnswered", "en"));
            Assert.Equal(0, await page.Locator("form.survey-form").CountAsync());
        }

        // Without JavaScript, another person's link at 375 px fits; an unknown link is a clear page, not an error.
        await using var plain = await app.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 }, JavaScriptEnabled = false });
        Assert.Equal(200, (await plain.GoAsync(second)).Status);
        Assert.True(await plain.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 375);
        // Straight through Playwright: GoAsync insists on a 200.
        var unknown = await plain.Page.GotoAsync("/survey/" + SecretTokens.New(), new() { WaitUntil = WaitUntilState.Commit, Timeout = BrowserApp.NavigationTimeout });
        Assert.Equal(404, unknown!.Status);
        await BrowserApp.StyledAsync(plain.Page);
        await Assertions.Expect(plain.Page.Locator("main")).ToContainTextAsync(SurveyText.Get("UnknownLink", "en"));
    }

    [Fact]
    public async Task The_staff_survey_list_and_builder_are_axe_clean()
    {
        var (survey, _, _) = await OpenSurveyAsync();
        await using var tracked = await app.SignedInPageAsync(DemoPeople.EmailOf["Staff"]);
        foreach (var path in new[] { "/manage/2024/surveys", $"/manage/2024/surveys/{survey}", $"/manage/2024/surveys/{survey}/invitations" })
        {
            var response = await tracked.GoAsync(path);
            Assert.Equal(200, response.Status);
            var result = await tracked.Page.RunAxe();
            var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
            Assert.True(blocking.Count == 0, $"axe on {path}:\n" + Describe(blocking));
        }

        // A question with a bad type and no English text: the builder names both and keeps what was typed.
        await tracked.GoAsync($"/manage/2024/surveys/{survey}");
        var page = tracked.Page;
        await page.Locator("#q-text-fr").FillAsync("Une question sans anglais");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the question" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Question (English) is required");
        await Assertions.Expect(page.Locator("#q-text-fr")).ToHaveValueAsync("Une question sans anglais");
        tracked.AssertNoConsoleErrors();
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n"
        + string.Join("\n", v.Nodes.Take(10).Select(n => $"    {n.Target}: {n.Html}"))));
}
