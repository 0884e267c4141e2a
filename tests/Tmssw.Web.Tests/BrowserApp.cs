using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests;

/// <summary>
/// The real app on Kestrel (a fresh SQLite database, demo loaded, one user per role) and one
/// headless Chromium, shared by every browser test: the browser tests run one after the other in
/// the "Browser" collection, so the suite starts one app and one browser in all.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>The system's Chromium (the Debian package; ./test.sh installs it). Nothing is downloaded.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly Dictionary<string, string> _signedInState = [];
    private IPlaywright? _playwright;

    public TmsswAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The address Kestrel listens on, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = null!;

    public DemoPeople People => App.People;

    public async Task InitializeAsync()
    {
        App = new TmsswAppFactory(await TestDatabase.CreateAsync(Provider.Sqlite));
        App.UseKestrel(0);
        App.StartServer();
        await App.SeedPeopleAsync();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: ./test.sh installs it (the Debian package chromium). The browser tests never download a browser.");
        }

        // Generous: the whole solution's tests share two cores.
        Assertions.SetDefaultExpectTimeout(30_000); // CI runs on 2 shared cores
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>A fresh context and page whose console errors and uncaught exceptions are recorded.</summary>
    public async Task<TrackedPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        return new TrackedPage(context, page);
    }

    /// <summary>
    /// A page signed in as <paramref name="email"/>. The first time, it signs in through the form;
    /// later it reuses the saved cookies (the sign-in form itself is tested in the participant flow).
    /// </summary>
    public async Task<TrackedPage> SignedInPageAsync(string email, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        if (_signedInState.TryGetValue(email, out var state))
        {
            options.StorageState = state;
            return await NewPageAsync(options);
        }

        var tracked = await NewPageAsync(options);
        await SignInThroughFormAsync(tracked.Page, email);
        _signedInState[email] = await tracked.Context.StorageStateAsync();
        return tracked;
    }

    /// <summary>
    /// For WaitForURLAsync after a click or a form: the new document committed, not a lifecycle state
    /// (see <see cref="TrackedPage.GoAsync"/>); locators and expectations then wait for what they need,
    /// and a measurement first waits for <see cref="StyledAsync"/>.
    /// </summary>
    public static readonly PageWaitForURLOptions AfterClick = new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeout };

    public static async Task SignInThroughFormAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login", new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeout });
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TmsswAppFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase), AfterClick);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>How long a navigation may take: generous, the whole solution's tests share two cores.</summary>
    public const float NavigationTimeout = 120_000;

    /// <summary>
    /// Waits, by asking the page itself rather than Playwright's record of lifecycle events, until the
    /// document is parsed (deferred scripts have run), every style sheet it links is
    /// applied and its fonts and images are ready, so what a test measures (overflow at 375 px,
    /// contrast in axe) is the fully styled page. A style sheet that fails to load keeps this waiting
    /// until the timeout; the failed request is also reported by <see cref="TrackedPage.Errors"/>.
    /// </summary>
    public static async Task StyledAsync(IPage page)
    {
        try
        {
            await WaitStyledAsync(page, NavigationTimeout / 2);
        }
        catch (TimeoutException)
        {
            // Now and then (about once in a few hundred navigations, under CPU load, cause not found) a page
            // never reports itself styled although the server answered. Load it once more, then wait again:
            // a page that is really broken fails the second wait too.
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit, Timeout = NavigationTimeout });
            await WaitStyledAsync(page, NavigationTimeout);
        }
    }

    private static Task<IJSHandle> WaitStyledAsync(IPage page, float timeout) =>
        page.WaitForFunctionAsync(
            """
            () => document.readyState !== 'loading'
                && [...document.querySelectorAll('link[rel~="stylesheet"]')].every(l => l.sheet !== null)
                && [...document.images].every(i => i.complete)
                && (!document.fonts || document.fonts.status === 'loaded')
            """,
            null,
            new() { PollingInterval = 50, Timeout = timeout });

    /// <summary>Reads from the app's database (e.g. a participant's name to search for).</summary>
    public async Task<T> QueryAsync<T>(Func<TmsswDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TmsswDbContext>());
    }

    public Task<Tmssw.Core.Participants.Participant> ParticipantAsync(int id) =>
        QueryAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == id));
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}

/// <summary>A page and its context; records console errors (CSP violations included) and uncaught exceptions.</summary>
public sealed class TrackedPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public TrackedPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"{page.Url}: console error: {message.Text}");
                }
            }
        };
        // Which resource failed: the console only says "Failed to load resource".
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                lock (_errors)
                {
                    _errors.Add($"{page.Url}: {response.Request.ResourceType} {response.Url} answered {response.Status}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"{page.Url}: uncaught: {error}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>
    /// Goes to a page of the site, checks it answered 200 and waits until it is styled
    /// (<see cref="BrowserApp.StyledAsync"/>). It does not wait for Playwright's "load" (or even
    /// "domcontentloaded") state: under CPU load the test now and then waited past the timeout with
    /// only "NetworkIdle fired" in its log, although the pages have no image, font, frame or endless
    /// request (the only subresources are the style sheet and deferred scripts).
    /// </summary>
    public async Task<IResponse> GoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit, Timeout = BrowserApp.NavigationTimeout });
        Assert.True(response is { Status: 200 }, $"GET {path}: {response?.Status}");
        await BrowserApp.StyledAsync(Page);
        return response!;
    }

    public void AssertNoConsoleErrors() =>
        Assert.True(Errors.Count == 0, "Console errors:\n" + string.Join("\n", Errors));

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
