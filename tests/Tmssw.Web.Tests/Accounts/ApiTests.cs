using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Testing;
using Tmssw.Web.Security;

namespace Tmssw.Web.Tests.Accounts;

public sealed partial class ApiTests(ApiWorlds worlds) : IClassFixture<ApiWorlds>
{
    private const string ProblemJson = "application/problem+json";

    private static readonly string[] SensitiveKeys = ["passport", "dateOfBirth", "personalEmail", "personalPhone", "Protected"];

    [Theory, ProviderData]
    public async Task Anonymous_callers_see_published_editions_and_get_401_elsewhere(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var anonymous = world.Client();

        var editions = await GetJsonAsync(anonymous, "/api/v1/editions", HttpStatusCode.OK);
        Assert.Equal(10, editions.GetArrayLength());
        var e2024 = editions.EnumerateArray().Single(e => e.GetProperty("year").GetInt32() == 2024);
        Assert.Equal(world.TotalParticipants, e2024.GetProperty("participants").GetInt32());
        Assert.Contains(e2024.GetProperty("figures").EnumerateArray(), f => f.GetProperty("source").GetString()!.Contains("Meridian"));

        var edition = await GetJsonAsync(anonymous, "/api/v1/editions/2024", HttpStatusCode.OK);
        Assert.Equal(4, edition.GetProperty("objectives").GetArrayLength());
        Assert.Contains(edition.GetProperty("phases").EnumerateArray(), p => p.GetProperty("kind").GetString() == "CitySplit");
        await AssertProblemAsync(anonymous, HttpMethod.Get, "/api/v1/editions/1999", HttpStatusCode.NotFound);

        // The unpublished edition: only for the Staff who run it (and Admins).
        Assert.DoesNotContain(editions.EnumerateArray(), e => e.GetProperty("year").GetInt32() == ApiWorld.UnpublishedYear);
        await AssertProblemAsync(anonymous, HttpMethod.Get, $"/api/v1/editions/{ApiWorld.UnpublishedYear}", HttpStatusCode.NotFound);
        await AssertProblemAsync(world.Client("staff2023"), HttpMethod.Get, $"/api/v1/editions/{ApiWorld.UnpublishedYear}", HttpStatusCode.NotFound);
        var staffEditions = await GetJsonAsync(world.Client("staff"), "/api/v1/editions", HttpStatusCode.OK);
        Assert.Contains(staffEditions.EnumerateArray(), e => e.GetProperty("year").GetInt32() == ApiWorld.UnpublishedYear && !e.GetProperty("isPublished").GetBoolean());
        Assert.Equal(11, (await GetJsonAsync(world.Client("admin"), "/api/v1/editions", HttpStatusCode.OK)).GetArrayLength());
        var unpublished = await GetJsonAsync(world.Client("staff"), $"/api/v1/editions/{ApiWorld.UnpublishedYear}", HttpStatusCode.OK);
        Assert.False(unpublished.GetProperty("isPublished").GetBoolean());

        foreach (var url in ProtectedGets(world))
        {
            await AssertProblemAsync(anonymous, HttpMethod.Get, url, HttpStatusCode.Unauthorized);
        }

        await AssertProblemAsync(anonymous, HttpMethod.Post, "/api/v1/editions/2024/participants", HttpStatusCode.Unauthorized, new { givenName = "A" });

        // A made-up token is refused the same way.
        var forged = world.Client();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "tmssw_not-a-real-token");
        await AssertProblemAsync(forged, HttpMethod.Get, "/api/v1/cities", HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await forged.GetAsync("/api/v1/editions")).StatusCode);

        // A 401 says how to authenticate (RFC 6750).
        var challenge = await anonymous.GetAsync("/api/v1/cities");
        Assert.StartsWith("Bearer", challenge.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task A_Phoenix_host_reaches_Phoenix_only(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var host = world.Client("host");

        var list = await GetJsonAsync(host, "/api/v1/editions/2024/participants?pageSize=200", HttpStatusCode.OK);
        Assert.Equal(world.Phoenix.Order(), Ids(list));
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal(world.PhoenixGroupId, p.GetProperty("groupId").GetInt32()));

        // Asking for Tucson's group by filter lists nothing; by id it is a 404, never a 403.
        var tucsonList = await GetJsonAsync(host, $"/api/v1/editions/2024/participants?groupId={world.TucsonGroupId}", HttpStatusCode.OK);
        Assert.Equal(0, tucsonList.GetProperty("total").GetInt32());
        foreach (var id in world.Tucson)
        {
            await AssertProblemAsync(host, HttpMethod.Get, $"/api/v1/participants/{id}", HttpStatusCode.NotFound);
        }

        var (raw, one) = await GetRawAsync(host, $"/api/v1/participants/{world.Phoenix[0]}");
        Assert.Equal(world.Phoenix[0], one.GetProperty("id").GetInt32());
        Assert.False(one.TryGetProperty("history", out _), "A host does not get the status history, which names staff.");
        Assert.DoesNotContain("@", raw);
        AssertNoSensitiveFields(raw);

        var hosts = await GetJsonAsync(host, "/api/v1/editions/2024/hosts", HttpStatusCode.OK);
        Assert.True(hosts.GetArrayLength() > 0);
        Assert.All(hosts.EnumerateArray(), h => Assert.Equal("phoenix", h.GetProperty("cityId").GetString()));
        Assert.Equal(hosts.GetArrayLength(), (await GetJsonAsync(host, "/api/v1/editions/2024/hosts?city=phoenix", HttpStatusCode.OK)).GetArrayLength());
        await AssertProblemAsync(host, HttpMethod.Get, "/api/v1/editions/2024/hosts?city=tucson", HttpStatusCode.NotFound);

        var offers = await GetJsonAsync(host, "/api/v1/editions/2024/offers", HttpStatusCode.OK);
        Assert.True(offers.GetArrayLength() > 0);
        Assert.All(offers.EnumerateArray(), o => Assert.Equal("phoenix", o.GetProperty("cityId").GetString()));
        await AssertProblemAsync(host, HttpMethod.Get, "/api/v1/editions/2024/offers?city=tucson", HttpStatusCode.NotFound);

        var groups = await GetJsonAsync(host, "/api/v1/editions/2024/groups", HttpStatusCode.OK);
        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal(world.PhoenixGroupId, group.GetProperty("id").GetInt32());
        Assert.Equal(world.Phoenix.Count, group.GetProperty("participants").GetInt32());

        // Hosts do not nominate nor move statuses.
        await AssertProblemAsync(host, HttpMethod.Post, $"/api/v1/participants/{world.Phoenix[0]}/status", HttpStatusCode.Forbidden, new { status = "Traveling" });
    }

    [Theory, ProviderData]
    public async Task A_nominator_sees_their_country_only(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var nominator = world.Client("nominator");

        var list = await GetJsonAsync(nominator, "/api/v1/editions/2024/participants?pageSize=200", HttpStatusCode.OK);
        Assert.Subset(Ids(list).ToHashSet(), world.Mexican.ToHashSet());
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.Equal("MX", p.GetProperty("country").GetString()));

        // Filtering for another country finds nobody; another country's participant is a 404.
        var guatemala = await GetJsonAsync(nominator, "/api/v1/editions/2024/participants?country=GT", HttpStatusCode.OK);
        Assert.Equal(0, guatemala.GetProperty("total").GetInt32());
        await AssertProblemAsync(nominator, HttpMethod.Get, $"/api/v1/participants/{world.Phoenix[0]}", HttpStatusCode.NotFound);

        var (raw, own) = await GetRawAsync(nominator, $"/api/v1/participants/{world.Mexican[0]}");
        Assert.True(own.GetProperty("history").GetArrayLength() >= 2);
        AssertNoSensitiveFields(raw);

        var groups = await GetJsonAsync(nominator, "/api/v1/editions/2024/groups", HttpStatusCode.OK);
        Assert.Equal(world.TucsonGroupId, Assert.Single(groups.EnumerateArray()).GetProperty("id").GetInt32());

        // Cities are for everyone signed in; hosts and offers are not for Nominators.
        Assert.True((await GetJsonAsync(nominator, "/api/v1/cities", HttpStatusCode.OK)).GetArrayLength() > 9);
        await AssertProblemAsync(nominator, HttpMethod.Get, "/api/v1/editions/2024/offers", HttpStatusCode.Forbidden);
    }

    [Theory, ProviderData]
    public async Task Participants_interpreters_and_staff_get_their_scope(Provider provider)
    {
        var world = await worlds.GetAsync(provider);

        var participant = world.Client("participant");
        await AssertProblemAsync(participant, HttpMethod.Get, "/api/v1/editions/2024/participants", HttpStatusCode.Forbidden);
        await AssertProblemAsync(participant, HttpMethod.Get, $"/api/v1/participants/{world.OwnParticipantId}", HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync("/api/v1/cities")).StatusCode);

        var interpreter = world.Client("interpreter");
        var list = await GetJsonAsync(interpreter, "/api/v1/editions/2024/participants", HttpStatusCode.OK);
        Assert.Equal(world.Phoenix.Order(), Ids(list));
        await AssertProblemAsync(interpreter, HttpMethod.Get, $"/api/v1/participants/{world.Tucson[1]}", HttpStatusCode.NotFound);
        var groups = await GetJsonAsync(interpreter, "/api/v1/editions/2024/groups", HttpStatusCode.OK);
        Assert.Equal(world.PhoenixGroupId, Assert.Single(groups.EnumerateArray()).GetProperty("id").GetInt32());
        await AssertProblemAsync(interpreter, HttpMethod.Get, "/api/v1/editions/2024/hosts", HttpStatusCode.Forbidden);

        // Staff not assigned to 2024: the edition is out of reach, as if it did not exist.
        var other = world.Client("staff2023");
        await AssertProblemAsync(other, HttpMethod.Get, "/api/v1/editions/2024/participants", HttpStatusCode.NotFound);
        await AssertProblemAsync(other, HttpMethod.Get, $"/api/v1/participants/{world.Phoenix[0]}", HttpStatusCode.NotFound);
        await AssertProblemAsync(other, HttpMethod.Get, "/api/v1/editions/2024/groups", HttpStatusCode.NotFound);
        await AssertProblemAsync(other, HttpMethod.Get, "/api/v1/editions/2024/offers", HttpStatusCode.NotFound);
        await AssertProblemAsync(other, HttpMethod.Post, $"/api/v1/participants/{world.Phoenix[0]}/status", HttpStatusCode.NotFound, new { status = "Traveling" });
        // Their own edition is in reach: the demo's (synthetic) alumni of 2023, every one of them on the page.
        var own = await GetJsonAsync(other, "/api/v1/editions/2023/participants?pageSize=100", HttpStatusCode.OK);
        Assert.True(own.GetProperty("total").GetInt32() > 0);
        Assert.Equal(own.GetProperty("total").GetInt32(), own.GetProperty("items").GetArrayLength());

        var staff = world.Client("staff");
        var all = await GetJsonAsync(staff, "/api/v1/editions/2024/participants?pageSize=10&page=2&sort=country", HttpStatusCode.OK);
        Assert.True(all.GetProperty("total").GetInt32() >= world.TotalParticipants);
        Assert.Equal(10, all.GetProperty("items").GetArrayLength());
        Assert.Equal(9, (await GetJsonAsync(staff, "/api/v1/editions/2024/groups", HttpStatusCode.OK)).GetArrayLength());
        var tucsonOffers = await GetJsonAsync(staff, "/api/v1/editions/2024/offers?city=tucson", HttpStatusCode.OK);
        Assert.All(tucsonOffers.EnumerateArray(), o => Assert.Equal("tucson", o.GetProperty("cityId").GetString()));
        await AssertProblemAsync(staff, HttpMethod.Get, "/api/v1/editions/2024/offers?city=atlantis", HttpStatusCode.NotFound);

        var bad = await AssertProblemAsync(staff, HttpMethod.Get, "/api/v1/editions/2024/participants?status=Flying&sort=age&pageSize=500", HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("sort", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Theory, ProviderData]
    public async Task Nominations_are_validated_with_field_errors(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var nominator = world.Client("nominator");

        var problem = await AssertProblemAsync(nominator, HttpMethod.Post, "/api/v1/editions/2024/participants", HttpStatusCode.BadRequest, new
        {
            givenName = "",
            familyName = "Rivera",
            country = "Guatemala",
            gender = "Q",
            sector = "astrology",
            agency = "Policía Federal",
            position = "Inspector",
            themes = new[] { "narcotics", "alchemy" },
            languages = new[] { "es" },
            dateOfBirth = "12/03/1980",
        });
        var errors = problem.GetProperty("errors");
        var keys = errors.EnumerateObject().Select(e => e.Name).Order().ToList();
        // Issue 10: a sector or theme word the catalogue lacks is kept with a warning, not refused.
        Assert.Equal(["country", "dateOfBirth", "gender", "givenName"], keys);
        Assert.Contains("Mexico only", errors.GetProperty("country")[0].GetString());

        var response = await nominator.PostAsJsonAsync("/api/v1/editions/2024/participants", new
        {
            givenName = "Lucía",
            familyName = "Hernández Soto",
            country = "MX",
            gender = "F",
            sector = "prosecution",
            agency = "Fiscalía General de la República",
            position = "Fiscal",
            themes = new[] { "narcotics" },
            languages = new[] { "es", "en" },
            passportNumber = "G12345678",
            dateOfBirth = "1984-06-02",
            personalEmail = "lucia@example.org",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        AssertNoSensitiveFields(raw);
        Assert.DoesNotContain("G12345678", raw);
        Assert.DoesNotContain("lucia@example.org", raw);
        var created = JsonDocument.Parse(raw).RootElement;
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/participants/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Nominated", created.GetProperty("status").GetString());

        var update = await AssertProblemAsync(nominator, HttpMethod.Put, $"/api/v1/participants/{id}", HttpStatusCode.BadRequest, new
        {
            givenName = "Lucía",
            familyName = "",
            country = "MX",
            gender = "F",
            sector = "prosecution",
            agency = "Fiscalía General de la República",
            position = "Fiscal",
        });
        Assert.Equal(["familyName"], update.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var ok = await nominator.PutAsJsonAsync($"/api/v1/participants/{id}", new
        {
            givenName = "Lucía",
            familyName = "Hernández",
            country = "MX",
            gender = "F",
            sector = "prosecution",
            agency = "Fiscalía General de la República",
            position = "Fiscal Federal",
            themes = new[] { "narcotics", "money-laundering" },
            languages = new[] { "es" },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var updated = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hernández", updated.GetProperty("familyName").GetString());
        Assert.Equal(2, updated.GetProperty("themes").GetArrayLength());

        // Once vetted, the nomination is Staff's to change.
        var vetted = await world.Client("staff").PostAsJsonAsync($"/api/v1/participants/{id}/status", new { status = "Vetted" });
        Assert.Equal(HttpStatusCode.OK, vetted.StatusCode);
        var locked = await AssertProblemAsync(nominator, HttpMethod.Put, $"/api/v1/participants/{id}", HttpStatusCode.Forbidden, new { givenName = "Lucía" });
        Assert.Contains("Vetted", locked.GetProperty("detail").GetString());

        // Another scope's participant cannot be edited: 404, not 403.
        await AssertProblemAsync(nominator, HttpMethod.Put, $"/api/v1/participants/{world.Phoenix[0]}", HttpStatusCode.NotFound, new { givenName = "X" });

        // Participants and Hosts do not nominate.
        await AssertProblemAsync(world.Client("host"), HttpMethod.Post, "/api/v1/editions/2024/participants", HttpStatusCode.Forbidden, new { givenName = "X" });

        // A body that is not JSON is a problem too, without a stack trace.
        var garbage = await nominator.PostAsync("/api/v1/editions/2024/participants", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(ProblemJson, garbage.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await garbage.Content.ReadAsStringAsync());
    }

    [Theory, ProviderData]
    public async Task Status_changes_follow_the_lifecycle(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var staff = world.Client("staff");
        var id = world.Phoenix[2];

        var refused = await AssertProblemAsync(staff, HttpMethod.Post, $"/api/v1/participants/{id}/status", HttpStatusCode.BadRequest, new { status = "Completed" });
        Assert.Equal("A nomination that is Confirmed cannot become Completed; it can become Traveling, Withdrawn, Declined.", refused.GetProperty("detail").GetString());

        var noReason = await AssertProblemAsync(staff, HttpMethod.Post, $"/api/v1/participants/{id}/status", HttpStatusCode.BadRequest, new { status = "withdrawn" });
        Assert.Contains("a reason is required", noReason.GetProperty("detail").GetString());

        var unknown = await AssertProblemAsync(staff, HttpMethod.Post, $"/api/v1/participants/{id}/status", HttpStatusCode.BadRequest, new { status = "Flying" });
        Assert.True(unknown.GetProperty("errors").TryGetProperty("status", out _));

        var moved = await staff.PostAsJsonAsync($"/api/v1/participants/{id}/status", new { status = "Traveling", reason = "Tickets issued" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Traveling", body.GetProperty("status").GetString());
        var last = body.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Tickets issued", last.GetProperty("reason").GetString());

        // Nominators do not move statuses.
        await AssertProblemAsync(world.Client("nominator"), HttpMethod.Post, $"/api/v1/participants/{world.Mexican[1]}/status", HttpStatusCode.Forbidden, new { status = "Vetted" });
    }

    [Theory, ProviderData]
    public async Task A_revoked_token_is_refused(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        string token;
        int tokenId;
        using (var scope = world.App.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<CreateApiToken>();
            token = (await tokens.RunAsync(world.UserIds["nominator"], "to revoke", new(world.UserIds["nominator"], "nominator@test.example"))).Token;
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            Assert.DoesNotContain(db.ApiTokens, t => t.TokenHash == token);
            tokenId = db.ApiTokens.Single(t => t.TokenHash == ApiToken.HashOf(token)).Id;
        }

        var client = world.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        using (var scope = world.App.Services.CreateScope())
        {
            var revoke = scope.ServiceProvider.GetRequiredService<RevokeApiToken>();
            var someoneElse = new UserScope(world.UserIds["host"], "host@test.example", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: "phoenix");
            Assert.False(await revoke.RunAsync(someoneElse, tokenId));
            var owner = new UserScope(world.UserIds["nominator"], "nominator@test.example", new HashSet<string> { Roles.Nominator }, new HashSet<int>(), Country: "MX");
            Assert.True(await revoke.RunAsync(owner, tokenId));
        }

        await AssertProblemAsync(client, HttpMethod.Get, "/api/v1/editions/2024/participants", HttpStatusCode.Unauthorized);
    }

    [Theory, ProviderData]
    public async Task Cookies_get_401_and_403_under_api_and_redirects_on_pages(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var anonymous = world.Client();
        var page = await anonymous.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery);

        var participant = await SignInAsync(world, "participant@test.example");
        await AssertProblemAsync(participant, HttpMethod.Get, "/api/v1/editions/2024/participants", HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync("/api/v1/cities")).StatusCode);

        var host = await SignInAsync(world, "host@test.example");
        var list = await GetJsonAsync(host, "/api/v1/editions/2024/participants", HttpStatusCode.OK);
        Assert.Equal(world.Phoenix.Order(), Ids(list));
    }

    [Theory, ProviderData]
    public async Task The_tokens_page_creates_shows_once_and_revokes(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        var browser = await SignInAsync(world, "interpreter@test.example");
        var page = await browser.GetStringAsync("/account/tokens");
        var created = await browser.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "export script",
            ["__RequestVerificationToken"] = Antiforgery(page),
        }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html).Value;
        Assert.StartsWith("tmssw_", token);

        var program = world.Client();
        program.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/editions/2024/groups")).StatusCode);

        // Shown once: the listing has the name, not the token.
        var again = await browser.GetStringAsync("/account/tokens");
        Assert.Contains("export script", again);
        Assert.DoesNotContain(token, again);
        Assert.DoesNotContain("nominator@test.example", again);

        int id;
        using (var scope = world.App.Services.CreateScope())
        {
            id = scope.ServiceProvider.GetRequiredService<TmsswDbContext>().ApiTokens.Single(t => t.Name == "export script").Id;
        }

        Assert.Contains($"id={id}", again);
        var revoke = await browser.PostAsync($"/account/tokens?handler=Revoke&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery(again),
        }));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        await AssertProblemAsync(program, HttpMethod.Get, "/api/v1/editions/2024/groups", HttpStatusCode.Unauthorized);

        // An Admin sees everyone's tokens.
        var admin = await SignInAsync(world, "admin@test.example");
        var adminPage = await admin.GetStringAsync("/account/tokens");
        Assert.Contains("nominator@test.example", adminPage);
        Assert.Contains("Everyone else", adminPage);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_api_endpoint_and_the_bearer_scheme()
    {
        var world = await worlds.GetAsync(Provider.Sqlite);
        var document = await GetJsonAsync(world.Client(), "/openapi/v1.json", HttpStatusCode.OK);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "tmssw-openapi.json"), document.GetRawText());
        var paths = document.GetProperty("paths");

        var endpoints = world.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Endpoint: e, Method: m)))
            .ToList();
        Assert.True(endpoints.Count >= 11, $"{endpoints.Count} API endpoints");
        foreach (var (endpoint, method) in endpoints)
        {
            var path = RouteConstraint().Replace(endpoint.RoutePattern.RawText!, "{$1}").TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is missing");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
            Assert.True(operation.TryGetProperty("description", out _), $"{method} {path} has no description");
            Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _) || operation.GetProperty("responses").TryGetProperty("201", out _));
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            Assert.Equal(!anonymous, operation.TryGetProperty("security", out _));
            if (!anonymous)
            {
                Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} does not describe 401");
            }
        }

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("ParticipantDto", out _));
    }

    [Theory, ProviderData]
    public async Task Too_many_requests_get_429_problem(Provider provider)
    {
        var world = await worlds.GetAsync(provider);
        await using var limited = world.App.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "3"));
        var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/editions")).StatusCode);
        }

        await AssertProblemAsync(client, HttpMethod.Get, "/api/v1/editions", HttpStatusCode.TooManyRequests);
    }

    private static IEnumerable<string> ProtectedGets(ApiWorld world) =>
    [
        "/api/v1/editions/2024/participants",
        $"/api/v1/participants/{world.Phoenix[0]}",
        "/api/v1/cities",
        "/api/v1/editions/2024/hosts",
        "/api/v1/editions/2024/offers",
        "/api/v1/editions/2024/groups",
    ];

    private static async Task<HttpClient> SignInAsync(ApiWorld world, string email)
    {
        var client = world.Client();
        var login = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ApiWorld.Password,
            ["__RequestVerificationToken"] = Antiforgery(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static string Antiforgery(string html) =>
        AntiforgeryPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");

    private static List<int> Ids(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Order().ToList();

    private static void AssertNoSensitiveFields(string json)
    {
        foreach (var key in SensitiveKeys)
        {
            Assert.DoesNotContain(key, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<(string Raw, JsonElement Json)> GetRawAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return (body, JsonDocument.Parse(body).RootElement);
    }

    /// <summary>Asserts an error is problem+json with the status, no redirect and no stack trace.</summary>
    private static async Task<JsonElement> AssertProblemAsync(HttpClient client, HttpMethod method, string url, HttpStatusCode expected, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location} {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("   at ", text);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    [GeneratedRegex("tmssw_[A-Za-z0-9_-]{20,}")]
    private static partial Regex TokenPattern();
}
