using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>
/// Every page and endpoint the app maps, enumerated from its own routing, against every role. A
/// route without a row here fails the test: a new page must say who reaches it.
/// </summary>
public sealed class AccessMatrixTests
{
    /// <summary>The columns: who asks.</summary>
    private static readonly string[] Who = ["Anonymous", "Admin", "Staff", "OtherStaff", "Nominator", "Host", "Interpreter", "Participant"];

    // O = allowed, L = sent to sign in (401 under /api), F = forbidden (403 or the "not allowed" page), N = not found.
    // Sample ids: the participant is the Participant user's own record, of the Nominator's country, in the Host's
    // and Interpreter's Phoenix group, and Confirmed (so a Nominator may no longer edit it).
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["GET "] = "O O O O O O O O",
        ["GET Index"] = "O O O O O O O O",
        ["GET editions/{year:int}"] = "O O O O O O O O",
        ["GET Error"] = "O O O O O O O O",
        ["GET Status"] = "O O O O O O O O",
        ["GET conversations"] = "O O O O O O O O",
        ["GET conversations/{slug}"] = "O O O O O O O O",
        ["GET conversations/feed.atom"] = "O O O O O O O O",
        ["GET openapi/{documentName}.json"] = "O O O O O O O O",

        // Operations (issue 15): the probes are anonymous; /metrics answers a direct loopback caller or the
        // configured token only, and the test server's caller is neither (HealthAndMetricsTests, TwoInstancesTests).
        ["GET healthz"] = "O O O O O O O O",
        ["GET readyz"] = "O O O O O O O O",
        ["GET metrics"] = "N N N N N N N N",
        ["GET account/login"] = "O O O O O O O O",
        ["GET account/denied"] = "F F F F F F F F",
        ["GET account/logout"] = "L O O O O O O O",
        ["GET account/password"] = "L O O O O O O O",
        ["GET home"] = "L O O O O O O O",
        ["GET jobs/{id:guid}"] = "L N N N N N N N",
        ["GET me"] = "L F F F F F F O",
        ["GET me/today"] = "L F F F F F O O",
        ["GET me/itinerary"] = "L F F F F F O O",
        ["GET me/book"] = "L F F F F F O O",
        ["GET manage/{year:int}"] = "L O O N F F F F",
        ["GET manage/{year:int}/participants"] = "L O O N O O O F",
        ["GET manage/{year:int}/participants/{id:int}"] = "L O O N O O O F",
        ["GET manage/{year:int}/participants/{id:int}/edit"] = "L O O N N F F F",
        ["GET manage/{year:int}/participants/new"] = "L O O N O F F F",
        ["GET manage/{year:int}/participants/import"] = "L O O N O F F F",
        ["GET manage/{year:int}/participants/export"] = "L O O N O O O F",
        ["GET manage/{year:int}/cities"] = "L O O N F O F F",
        ["GET manage/{year:int}/groups"] = "L O O N N O O F",
        ["GET manage/{year:int}/split"] = "L O O N F F F F",
        ["GET manage/{year:int}/split/compare"] = "L N N N F F F F",
        ["GET manage/{year:int}/schedule"] = "L O O N N O O O",
        ["GET manage/{year:int}/schedule/{cityId}"] = "L O O N N O O O",
        ["GET manage/{year:int}/schedule/{cityId}/offers"] = "L O O N F O F F",
        ["GET admin/users"] = "L O F F F F F F",
        ["GET admin/users/{id}"] = "L O F F F F F F",
        ["GET admin/audit"] = "L O F F F F F F",
        ["GET account/tokens"] = "L O O O O O O O",
        ["GET {*path:nonfile}"] = "N N N N N N N N",
        ["GET manage/{year:int}/program"] = "L O O N F F F F",
        ["GET manage/{year:int}/itinerary/{cityId}"] = "L O O N N O O O",
        ["GET manage/{year:int}/participants/{id:int}/itinerary"] = "L O O N N N N O",
        ["GET feeds/{token}.ics"] = "N N N N N N N N",
        ["GET editions/{year:int}/conference/register"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/guest/{token}"] = "N N N N N N N N",
        ["GET manage/{year:int}/conference/guests"] = "L O O N F F F F",
        ["GET manage/{year:int}/conference/checkin"] = "L O O N F F F F",
        ["GET manage/{year:int}/conference/attendance"] = "L O O N F F F F",

        // The conference (issue 12): the published agenda, its pages and feeds are public; the editor is the runners'.
        ["GET editions/{year:int}/conference"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/sessions/{sessionId:int}"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/speakers/{speakerId:int}"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/changelog"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/agenda.ics"] = "O O O O O O O O",
        ["GET editions/{year:int}/conference/sessions/{sessionId:int}.ics"] = "O O O O O O O O",
        ["GET manage/{year:int}/conference"] = "L O O N F F F F",
        ["GET manage/{year:int}/tasks"] = "L O O N F O F F",
        ["GET manage/{year:int}/tasks/steps"] = "L O O N F F F F",
        ["GET manage/{year:int}/hospitality/{cityId}"] = "L O O N F O F F",
        ["GET manage/outbox"] = "L O O O F F F F",
        ["GET manage/{year:int}/surveys"] = "L O O N F F F F",
        ["GET manage/{year:int}/surveys/{survey:int}"] = "L O O N F F F F",
        ["GET manage/{year:int}/surveys/{survey:int}/invitations"] = "L O O N F F F F",
        ["GET survey/{token}"] = "N N N N N N N N",
        ["GET me/surveys"] = "L O O O O O O O",
        ["GET manage/{year:int}/evaluation"] = "L O O N F F F F",
        ["GET manage/{year:int}/evaluation/indicators"] = "L O O N F F F F",
        ["GET manage/evaluation/ten-years"] = "L O O O F F F F",

        // Posts (issue 16): Admin and Staff write; a post of the 2024 edition is its runners' (the 2023 staff get 404);
        // an image of a draft or an unknown image is a 404 for everyone.
        ["GET manage/posts"] = "L O O O F F F F",
        ["GET manage/posts/new"] = "L O O O F F F F",
        ["GET manage/posts/{postId:int}"] = "L O O N F F F F",
        ["GET conversations/images/{name}"] = "N N N N N N N N",

        // Alumni (issue 16): the sample Participant is Confirmed, not an alumnus, so the alumni pages are a 404 for them;
        // the exchange is public for TLP:CLEAR (the sample thread is CLEAR); the welcome link with an unknown token is a 404.
        ["GET alumni"] = "L O O O F F F N",
        ["GET me/alumni"] = "L F F F F F F N",
        ["GET alumni/exchange"] = "O O O O O O O O",
        ["GET alumni/exchange/{threadId:int}"] = "O O O O O O O O",
        ["GET alumni/exchange/new"] = "L F F F F F F N",
        ["GET alumni/moderation"] = "L O O O F F F F",
        ["GET alumni/invitations"] = "L O O O F F F F",
        ["GET alumni/welcome/{token}"] = "N N N N N N N N",

        // The JSON API: 401 instead of a sign-in redirect; a POST or PUT of "{}" that gets past
        // authorization is a 400 with field errors (counted as allowed).
        ["GET api/v1/editions"] = "O O O O O O O O",
        ["GET api/v1/editions/{year:int}"] = "O O O O O O O O",
        ["GET api/v1/cities"] = "L O O O O O O O",
        ["GET api/v1/editions/{year:int}/participants"] = "L O O N O O O F",
        ["GET api/v1/participants/{id:int}"] = "L O O N O O O F",
        ["POST api/v1/editions/{year:int}/participants"] = "L O O N O F F F",
        ["PUT api/v1/participants/{id:int}"] = "L O O N F F F F",
        ["POST api/v1/participants/{id:int}/status"] = "L O O N F F F F",
        ["GET api/v1/editions/{year:int}/groups"] = "L O O N O O O F",
        ["GET api/v1/editions/{year:int}/hosts"] = "L O O N F O F F",
        ["GET api/v1/editions/{year:int}/offers"] = "L O O N F O F F",
        ["GET api/v1/editions/{year:int}/conference/sessions"] = "L O O N O O O O",
        ["POST api/v1/editions/{year:int}/checkins"] = "L O O N F F F F",
        ["GET api/v1/editions/{year:int}/attendance"] = "L O O N F F F F",
        ["GET api/v1/alumni"] = "L O O O F F F N",
        ["GET api/v1/alumni/threads"] = "O O O O O O O O",
    };

    [Theory, ProviderData]
    public async Task Every_route_has_a_rule_and_every_role_gets_what_the_rule_says(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var routes = MappedRoutes(app);

        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Routes without a rule in the access matrix: " + string.Join(", ", missing));
        var stale = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join(", ", stale));

        var samples = await SamplesAsync(app);
        var clients = new Dictionary<string, HttpClient>
        {
            ["Anonymous"] = app.CreateClient(new() { AllowAutoRedirect = false }),
        };
        foreach (var role in Who.Skip(1))
        {
            clients[role] = await app.SignInAsync(DemoPeople.EmailOf[role]);
        }

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var expected = Matrix[route].Split(' ');
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            var url = "/" + Fill(pattern, samples);
            for (var i = 0; i < Who.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                var response = await clients[Who[i]].SendAsync(request);
                var actual = Outcome(response);
                if (actual != expected[i])
                {
                    failures.Add($"{method} {url} as {Who[i]}: expected {expected[i]}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, ProviderData]
    public async Task No_page_or_endpoint_answers_hostile_query_strings_with_a_server_error(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var samples = await SamplesAsync(app);
        var admin = await app.SignInAsync("admin@tmssw.local");
        var host = await app.SignInAsync("host@tmssw.test");
        const string hostile = "page=-5&pageSize=999999&status=Nope&q=%27%22%3Cscript%3E%25&sort=zzz&group=abc&groupId=x"
            + "&country=%E2%80%8B&region=&theme=%E2%80%AE&a=x&b=-1&v=99999&city=..%2F..&from=2024-99-99&to=nope&partial=maybe&format=pdf&download=true";
        var failures = new List<string>();
        foreach (var route in MappedRoutes(app).Where(r => r.StartsWith("GET ", StringComparison.Ordinal)))
        {
            var path = "/" + Fill(route[4..], samples);
            var url = path + "?" + hostile;
            foreach (var client in new[] { admin, host })
            {
                var response = await client.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                }
            }

            // A NUL (which PostgreSQL cannot hold in text) is refused at the door with a 400 naming the field.
            var nul = await admin.GetAsync(path + "?country=%00");
            if (nul.StatusCode != HttpStatusCode.BadRequest || !(await nul.Content.ReadAsStringAsync()).Contains("'country'", StringComparison.Ordinal))
            {
                failures.Add($"{path}?country=%00: {(int)nul.StatusCode}, expected 400 naming the field");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    internal static SortedSet<string> MappedRoutes(TmsswAppFactory app)
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET"])
            {
                routes.Add($"{method} {pattern}");
            }
        }

        return routes;
    }

    private static async Task<Dictionary<string, string>> SamplesAsync(TmsswAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var people = app.People;
        return new Dictionary<string, string>
        {
            ["{year:int}"] = "2024",
            ["{id:int}"] = people.PhoenixParticipantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{id}"] = people.StaffId,
            ["{id:guid}"] = Guid.NewGuid().ToString(),
            ["{slug}"] = await db.Posts.Where(p => p.IsPublished).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync(),
            ["{postId:int}"] = (await db.Posts.Where(p => p.EditionId != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{name}"] = "0123456789abcdef0123456789abcdef.jpg",
            ["{documentName}"] = "v1",
            ["{*path:nonfile}"] = "no/such/page",
            ["{cityId}"] = "phoenix",
            ["{token}"] = "no-such-token",
            ["{survey:int}"] = (await db.Surveys.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{sessionId:int}"] = (await db.ConferenceSessions.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{threadId:int}"] = (await db.AlumniThreads.Where(t => t.Tlp == Tmssw.Core.Alumni.Tlp.Clear).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{speakerId:int}"] = (await db.Speakers.OrderBy(x => x.Id).Select(x => x.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Fill(string pattern, Dictionary<string, string> samples)
    {
        foreach (var (placeholder, value) in samples)
        {
            pattern = pattern.Replace(placeholder, value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{", pattern);
        return pattern;
    }

    private static string Outcome(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "L",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/login", StringComparison.Ordinal) => "L",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/account/denied", StringComparison.Ordinal) => "F",
            HttpStatusCode.Forbidden => "F",
            HttpStatusCode.Redirect or HttpStatusCode.Found => "O", // sent on to the page of their own scope
            HttpStatusCode.NotFound => "N",
            var s when (int)s is >= 200 and < 300 => "O",
            HttpStatusCode.BadRequest => "O",
            _ => $"?{(int)response.StatusCode}",
        };
    }
}
