using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Web;
using Tmssw.Web.Security;

namespace Tmssw.Bench.Web;

internal enum Kind
{
    Floor,
    Html,
    Json,
}

/// <summary>One measured request; the expected rows, total and first row come from an in-memory count of the seeded data.</summary>
internal sealed record Case(string Name, HttpClient Client, string Url, Kind Kind, int ExpectedRows = 0, int ExpectedTotal = 0, int? ExpectedFirstId = null, int ExpectedPage = 1);

internal static partial class WebBench
{
    private const string Password = "Bench-Passw0rd-123";
    private const int PageSize = 50;
    private const string SearchTerm = "son";
    private const string FilterTheme = "narcotics";
    private const NominationStatus FilterStatus = NominationStatus.Confirmed;

    public static async Task<int> RunAsync(string database, DatabaseSetting setting, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"## {database}");
        var clock = Stopwatch.StartNew();
        await using var app = await TmsswWeb.BuildAsync(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--TMSSW_ADMIN_PASSWORD", Password,
            "--RateLimits:ApiPerMinute", "100000000",
            "--RateLimits:SignInPerMinute", "1000",
            "--Demo:Plan", "false", // measure the bare demo plus the synthetic 10,000
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error",
            // The first migration probes a missing history table (an error line); --show-sql logs every command.
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", options.ShowSql ? "Information" : "Critical",
        ], setting);
        Console.WriteLine($"First start (migrate + demo): {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        string staffId;
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var edition = await db.Editions.SingleAsync(e => e.Year == 2024);
            var people = Synthetic.Make(options.Participants, edition.Id, seed: 2024);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var batch in people.Chunk(1000))
            {
                db.Participants.AddRange(batch);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            // ~12 synthetic participants, spread over the alphabet, in the Phoenix group.
            var phoenix = await db.Groups.SingleAsync(g => g.EditionId == edition.Id && g.CityId == "phoenix");
            var step = Math.Max(1, people.Count / 12);
            var inPhoenix = people.Where((_, i) => i % step == 0).Take(12).Select(p => p.Id).ToList();
            await db.Participants.Where(p => inPhoenix.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.GroupId, (int?)phoenix.Id));

            var add = scope.ServiceProvider.GetRequiredService<AddUser>();
            var (staff, staffErrors) = await add.RunAsync(new NewUser("staff@bench.test", Roles.Staff, Password, "Bench Staff", EditionYears: [2024]));
            var (host, hostErrors) = await add.RunAsync(new NewUser("host@bench.test", Roles.Host, Password, "Bench Host", CityId: "phoenix"));
            if (staff is null || host is null)
            {
                throw new InvalidOperationException(string.Join(" ", staffErrors.Concat(hostErrors)));
            }

            staffId = staff.User.Id;
            token = (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync(staffId, "bench", new Actor(staffId, "bench"))).Token;
        }

        Console.WriteLine($"Seeded {options.Participants:N0} participants, the users and a token: {clock.Elapsed.TotalSeconds:F1} s");

        // What the pages must show, counted in memory from the rows as stored.
        List<Expected> all;
        List<int> phoenixGroups;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var editionId = await db.Editions.Where(e => e.Year == 2024).Select(e => e.Id).SingleAsync();
            all = (await db.Participants.AsNoTracking().Where(p => p.EditionId == editionId)
                    .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.Agency, p.Position, p.Status, p.Region, p.Themes, p.GroupId })
                    .ToListAsync())
                .Select(p => new Expected(p.Id, p.GivenName, p.FamilyName, p.Agency, p.Position, p.Status, p.Region, p.Themes, p.GroupId))
                .OrderBy(p => p.FamilyName, StringComparer.Ordinal).ThenBy(p => p.GivenName, StringComparer.Ordinal).ThenBy(p => p.Id)
                .ToList();
            phoenixGroups = await db.Groups.Where(g => g.CityId == "phoenix").Select(g => g.Id).ToListAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var staffClient = await SignInAsync(address, "staff@bench.test");
        using var hostClient = await SignInAsync(address, "host@bench.test");
        using var apiClient = NewClient(address, cookies: false);
        apiClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var region = all.GroupBy(p => p.Region).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var searched = all.Where(p => Matches(p, SearchTerm)).ToList();
        var filtered = all.Where(p => p.Status == FilterStatus && p.Region == region && p.Themes.Contains(FilterTheme)).ToList();
        var hosted = all.Where(p => p.GroupId is { } g && phoenixGroups.Contains(g)).ToList();
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var deep = Math.Min(150, pages);
        var list = "/manage/2024/participants";
        var cases = new List<Case>
        {
            new("floor: static file (anonymous)", staffClient, "/css/site.css", Kind.Floor),
            new("API floor: cities (token)", apiClient, "/api/v1/cities", Kind.Floor),
            Page("list, page 1", staffClient, list, Kind.Html, all, 1),
            Page($"list, page {deep} (deep offset)", staffClient, $"{list}?page={deep}", Kind.Html, all, deep),
            Page($"search q={SearchTerm}", staffClient, $"{list}?q={SearchTerm}", Kind.Html, searched, 1),
            Page("filters status+region+theme", staffClient,
                $"{list}?status={FilterStatus}&region={Uri.EscapeDataString(region)}&theme={FilterTheme}", Kind.Html, filtered, 1),
            Page("list as Host of phoenix (scoped)", hostClient, list, Kind.Html, hosted, 1),
            Page($"JSON API, page {deep}", apiClient, $"/api/v1/editions/2024/participants?page={deep}", Kind.Json, all, deep),
        };
        Console.WriteLine($"Filters: region \"{region}\" (the largest), status {FilterStatus}, theme {FilterTheme}; Host scope: groups of phoenix ({hosted.Count} participants in 2024).");

        clock.Restart();
        var samples = cases.Select(_ => new List<double>(options.Requests)).ToArray();
        var failures = new List<string>();
        var verdicts = cases.Select(_ => "ok").ToArray();
        for (var round = -options.Warmup; round < options.Requests; round++)
        {
            for (var j = 0; j < cases.Count; j++)
            {
                // Rotate the order each round so no case always follows the same one.
                var k = (((j + round) % cases.Count) + cases.Count) % cases.Count;
                var c = cases[k];
                var start = Stopwatch.GetTimestamp();
                using var response = await c.Client.GetAsync(c.Url);
                var body = await response.Content.ReadAsStringAsync();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{c.Name}: HTTP {(int)response.StatusCode} for {c.Url}");
                    verdicts[k] = $"HTTP {(int)response.StatusCode}";
                    continue;
                }

                if (round == 0 && Check(c, body) is { } problem)
                {
                    failures.Add($"{c.Name}: {problem}");
                    verdicts[k] = "WRONG: " + problem;
                }

                if (round >= 0)
                {
                    samples[k].Add(ms);
                }
            }
        }

        Console.WriteLine($"Measured in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine();
        var floor = Median(samples[0]);
        Console.WriteLine("| case | request | median ms | p95 ms | req/s (sequential) | median / floor | rows on page / total matched (expected) | check |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---|---|");
        for (var k = 0; k < cases.Count; k++)
        {
            var c = cases[k];
            var s = samples[k];
            var median = Median(s);
            var rows = c.Kind == Kind.Floor ? "-" : $"{c.ExpectedRows} / {c.ExpectedTotal:N0}";
            var rate = s.Count == 0 ? 0 : s.Count / (s.Sum() / 1000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | `{c.Url}` | {median:F2} | {Percentile(s, 0.95):F2} | {rate:N0} | {median / floor:F1} | {rows} | {verdicts[k]} |"));
        }

        Console.WriteLine();
        foreach (var f in failures.Distinct().Take(20))
        {
            Console.WriteLine($"FAILED {f}");
        }

        await app.StopAsync();
        return failures.Count;
    }

    private static Case Page(string name, HttpClient client, string url, Kind kind, List<Expected> matched, int page)
    {
        var skip = (page - 1) * PageSize;
        var rows = Math.Clamp(matched.Count - skip, 0, PageSize);
        return new Case(name, client, url, kind, rows, matched.Count, rows > 0 ? matched[skip].Id : null, page);
    }

    // The query's semantics: lower-cased "given family", agency or position contains the term.
    private static bool Matches(Expected p, string term) =>
        $"{p.GivenName} {p.FamilyName}".ToLowerInvariant().Contains(term, StringComparison.Ordinal)
        || p.Agency.ToLowerInvariant().Contains(term, StringComparison.Ordinal)
        || p.Position.ToLowerInvariant().Contains(term, StringComparison.Ordinal);

    /// <summary>Null when the response shows the expected rows, total and first participant.</summary>
    private static string? Check(Case c, string body)
    {
        if (c.Kind == Kind.Floor)
        {
            return body.Length > 0 ? null : "empty body";
        }

        int rows, total, page;
        int? first;
        var shown = "";
        if (c.Kind == Kind.Html)
        {
            var ids = RowLink().Matches(body).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            var heading = TotalHeading().Match(body);
            if (!heading.Success)
            {
                return "no total in the page heading";
            }

            rows = ids.Count;
            total = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
            var caption = PageCaption().Match(body);
            page = caption.Success ? int.Parse(caption.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            shown = caption.Success ? $" (the page says \"{caption.Groups[1].Value}\")" : "";
            first = ids.Count > 0 ? ids[0] : null;
        }
        else
        {
            using var json = JsonDocument.Parse(body);
            var items = json.RootElement.GetProperty("items");
            rows = items.GetArrayLength();
            total = json.RootElement.GetProperty("total").GetInt32();
            page = json.RootElement.GetProperty("page").GetInt32();
            first = rows > 0 ? items[0].GetProperty("id").GetInt32() : null;
        }

        if (rows != c.ExpectedRows || total != c.ExpectedTotal)
        {
            return $"{rows} rows / {total} total{shown}, expected {c.ExpectedRows} / {c.ExpectedTotal}";
        }

        if (page != c.ExpectedPage)
        {
            return $"shows page {page}{shown}, expected page {c.ExpectedPage}";
        }

        // The same count on the wrong page, or another order: a server collation other than code-point order would do that.
        return first == c.ExpectedFirstId ? null : $"first row #{first}{shown}, ordinal (family, given, id) order expects #{c.ExpectedFirstId}";
    }

    private static HttpClient NewClient(string address, bool cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(address),
        };

    /// <summary>Signs in through the real form (anti-forgery token and cookie) and keeps the cookie.</summary>
    private static async Task<HttpClient> SignInAsync(string address, string email)
    {
        var client = NewClient(address, cookies: true);
        var form = await client.GetStringAsync("/account/login");
        var match = AntiForgeryInput().Match(form);
        if (!match.Success)
        {
            throw new InvalidOperationException("No anti-forgery token on the sign-in page.");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(match.Groups[1].Value),
        });
        using var response = await client.PostAsync("/account/login", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: HTTP {(int)response.StatusCode}");
        }

        return client;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        if (p == 0.5)
        {
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryInput();

    [GeneratedRegex("<td><a href=\"/manage/\\d+/participants/(\\d+)\">")]
    private static partial Regex RowLink();

    [GeneratedRegex("<h1>Participants <span class=\"muted\">\\((\\d+)\\)</span>")]
    private static partial Regex TotalHeading();

    [GeneratedRegex("<caption>(Page (\\d+) of \\d+)</caption>")]
    private static partial Regex PageCaption();

    private sealed record Expected(int Id, string GivenName, string FamilyName, string Agency, string Position, NominationStatus Status, string Region, List<string> Themes, int? GroupId);
}
