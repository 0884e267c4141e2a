using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;

namespace Tmssw.Web.Tests.Alumni;

/// <summary>
/// The alumni directory, a thread with its TLP badge and replies, the new-thread form and the sharing page in
/// real Chromium at 375 px: axe finds nothing serious or critical, nothing overflows sideways, no console error.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AlumniBrowserTests(BrowserApp app)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static BrowserNewContextOptions Phone() => new() { ViewportSize = new() { Width = 375, Height = 812 } };

    [Fact]
    public async Task Directory_thread_and_sharing_pages_pass_axe_at_375_px()
    {
        const string email = "maria.browser@example.org";
        var green = await app.QueryAsync(db => db.AlumniThreads.Where(t => t.Tlp == Tlp.Green).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        var mariaId = await app.QueryAsync(db => db.Participants.Where(p => p.IsSynthetic && p.GivenName == "Maria" && p.FamilyName == "Santos").Select(p => p.Id).SingleAsync());
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(new NewUser(email, Roles.Participant, TmsswAppFactory.Password, ParticipantId: mariaId));
            Assert.True(user is not null, string.Join(" ", errors));
        }

        var pages = new (string Who, string Path, string Expect)[]
        {
            ("Staff", "/alumni", "Alumni directory"),
            ("Staff", $"/alumni/exchange/{green}", "TLP:GREEN"),
            ("Staff", "/alumni/moderation", "Advertising"),
            (email, "/alumni/exchange", "TLP:AMBER"),
            (email, $"/alumni/exchange/{green}", "TLP:GREEN"),
            (email, "/alumni/exchange/new", "TLP:AMBER+STRICT"),
            (email, "/me/alumni", "Maria Santos"),
            ("", "/alumni/exchange", "TLP:CLEAR"),
        };
        var failures = new List<string>();
        foreach (var (who, path, expect) in pages)
        {
            await using var tracked = who.Length == 0
                ? await app.NewPageAsync(Phone())
                : await app.SignedInPageAsync(who.Contains('@') ? who : DemoPeople.EmailOf[who], Phone());
            await tracked.GoAsync(path);
            await Assertions.Expect(tracked.Page.Locator("main")).ToContainTextAsync(expect);
            await BrowserApp.StyledAsync(tracked.Page);
            var result = await tracked.Page.RunAxe();
            Assert.NotEmpty(result.Passes);
            foreach (var v in result.Violations.Where(v => Blocking.Contains(v.Impact)))
            {
                failures.Add($"{path} as {who}: {v.Id} ({v.Impact}) {v.Help}: " + string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html)));
            }

            var scroll = await tracked.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var client = await tracked.Page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            if (scroll > client)
            {
                failures.Add($"{path} as {who}: overflows at 375 px (scrollWidth {scroll} > {client})");
            }

            if (tracked.Errors.Count > 0)
            {
                failures.Add($"{path} as {who}: console errors {string.Join("; ", tracked.Errors)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_badge_says_its_label_in_text_not_only_in_colour()
    {
        var amber = await app.QueryAsync(db => db.AlumniThreads.Where(t => t.Tlp == Tlp.Clear).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
        await using var tracked = await app.NewPageAsync(Phone());
        await tracked.GoAsync($"/alumni/exchange/{amber}");
        var badge = tracked.Page.Locator("h1 .tlp");
        await Assertions.Expect(badge).ToHaveTextAsync("TLP:CLEAR");
        Assert.Equal(AlumniRules.Audience(Tlp.Clear), await badge.GetAttributeAsync("title"));
    }
}
