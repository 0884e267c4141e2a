using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Tabular;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Conference;

public sealed partial class ConferenceWebTests
{
    private static async Task<T> QueryAsync<T>(TmsswAppFactory app, Func<TmsswDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TmsswDbContext>());
    }

    private static Task<List<int>> SessionIdsAsync(TmsswAppFactory app) => QueryAsync(app, db =>
        db.ConferenceSessions.Where(s => db.Editions.Any(e => e.Id == s.EditionId && e.Year == 2024)).OrderBy(s => s.Start).ThenBy(s => s.Id).Select(s => s.Id).ToListAsync());

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email, int[] sessions, string? website = null, string organization = "Agency")
    {
        var form = await client.GetStringAsync("/editions/2024/conference/register");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Organization", organization),
            new("Input.Position", "Analyst"),
            new("Input.Email", email),
            new("Input.Website", website ?? ""),
            new("__RequestVerificationToken", TmsswAppFactory.AntiForgery(form)),
        };
        fields.AddRange(sessions.Select(s => new KeyValuePair<string, string>("Input.SessionIds", s.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostAsync("/editions/2024/conference/register", new FormUrlEncodedContent(fields));
    }

    private static HttpClient Anonymous(TmsswAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory, ProviderData]
    public async Task The_waiting_list_moves_up_when_a_guest_cancels_through_the_personal_link(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var session = (await SessionIdsAsync(app))[2];
        var staff = await app.SignInAsync("staff@tmssw.test");
        var page = await staff.GetStringAsync("/manage/2024/conference/guests");
        var capped = await staff.PostAsync($"/manage/2024/conference/guests?handler=Cap&session={session}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cap"] = "1",
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, capped.StatusCode);

        var links = new List<string>();
        foreach (var (name, email) in new[] { ("Ann First", "ann@example.org"), ("Ben Second", "ben@example.org") })
        {
            var response = await RegisterAsync(Anonymous(app), name, email, [session]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            links.Add(response.Headers.Location!.ToString().Split('?')[0]);
        }

        var guest = Anonymous(app);
        var ben = WebUtility.HtmlDecode(await guest.GetStringAsync(links[1]));
        Assert.Contains("Waiting list, number 1 in line", ben, StringComparison.Ordinal);
        var ann = await guest.GetStringAsync(links[0]);
        Assert.Contains("<svg class=\"qr\"", ann, StringComparison.Ordinal);
        Assert.True((await guest.GetAsync(links[0])).Headers.CacheControl?.NoStore);

        var cancel = await guest.PostAsync(links[0] + "?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(ann),
        }));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        ben = WebUtility.HtmlDecode(await guest.GetStringAsync(links[1]));
        Assert.Contains("Place held, awaiting confirmation by staff", ben, StringComparison.Ordinal);
        Assert.Contains("Cancelled by you", WebUtility.HtmlDecode(await guest.GetStringAsync(links[0])), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync("/editions/2024/conference/guest/" + new string('x', 43))).StatusCode);

        // Staff approve the one who moved up.
        var list = await staff.GetStringAsync("/manage/2024/conference/guests");
        Assert.Contains("Ben Second", list, StringComparison.Ordinal);
        var request = await QueryAsync(app, db => db.GuestRegistrations.Where(r => r.SessionId == session && r.Status == GuestRegistrationStatus.Pending).Select(r => r.Id).SingleAsync());
        var approve = await staff.PostAsync($"/manage/2024/conference/guests?handler=Decide&registration={request}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "approve",
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(list),
        }));
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(GuestRegistrationStatus.Approved, await QueryAsync(app, db => db.GuestRegistrations.Where(r => r.Id == request).Select(r => r.Status).SingleAsync()));
    }

    [Theory, ProviderData]
    public async Task Parallel_registrations_over_http_never_exceed_a_sessions_cap(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var session = (await SessionIdsAsync(app))[3];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SetGuestCap>().RunAsync(UserScope.Admin(), 2024, session, 2)).Succeeded);
        }

        var clients = Enumerable.Range(0, 12).Select(_ => Anonymous(app)).ToList();
        var forms = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/editions/2024/conference/register")));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync("/editions/2024/conference/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = $"Parallel Guest {i}",
            ["Input.Organization"] = "Agency",
            ["Input.Position"] = "Analyst",
            ["Input.Email"] = $"parallel{i}@example.org",
            ["Input.SessionIds"] = session.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(forms[i]),
        }))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var statuses = await QueryAsync(app, db => db.GuestRegistrations.Where(r => r.SessionId == session).Select(r => r.Status).ToListAsync());
        Assert.Equal(12, statuses.Count);
        Assert.Equal(2, statuses.Count(s => s is GuestRegistrationStatus.Pending or GuestRegistrationStatus.Approved));
        Assert.Equal(10, statuses.Count(s => s == GuestRegistrationStatus.Waitlisted));
    }

    [Theory, ProviderData]
    public async Task Duplicates_and_the_honeypot_are_refused_politely_and_the_form_keeps_what_was_typed(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var session = (await SessionIdsAsync(app))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Anonymous(app), "Carla Díaz", "carla@example.org", [session])).StatusCode);

        var duplicate = await RegisterAsync(Anonymous(app), "Carla Again", "CARLA@example.org", [session], organization: "Kept Organization");
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var html = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("already registered for the 2024 conference", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept Organization\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Carla Again\"", html, StringComparison.Ordinal);
        Assert.Matches($"value=\"{session}\" checked", html);

        var spam = await RegisterAsync(Anonymous(app), "Robot", "robot@example.org", [session], website: "http://buy.example");
        Assert.Equal(HttpStatusCode.OK, spam.StatusCode);
        Assert.Contains("looks automated", WebUtility.HtmlDecode(await spam.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.ConferenceGuests.AnyAsync(g => g.Email == "robot@example.org")));
        Assert.Equal(1, await QueryAsync(app, db => db.ConferenceGuests.CountAsync(g => g.Email == "carla@example.org")));
    }

    [Fact]
    public async Task Sending_the_form_too_often_is_refused_with_429()
    {
        await using var app = await TmsswAppFactory.StartAsync(Provider.Sqlite);
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:GuestRegistrationsPerMinute", "2"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await RegisterAsync(client, "", "", [])).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/editions/2024/conference/register")).StatusCode); // showing the form is not limited
    }

    [Theory, ProviderData]
    public async Task A_real_badge_checks_in_once_its_duplicate_is_flagged_and_a_forged_token_is_a_logged_422(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var session = (await SessionIdsAsync(app))[3];
        byte[] pdf;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            pdf = await scope.ServiceProvider.GetRequiredService<PrintBadges>().PdfAsync(UserScope.Admin(), 2024, "phoenix");
        }

        var tokens = BadgeQr.Decode(pdf);
        Assert.NotEmpty(tokens);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var first = await staff.PostAsJsonAsync("/api/v1/editions/2024/checkins", new { token = tokens[0], sessionId = session });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var person = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(person.GetProperty("duplicate").GetBoolean());
        Assert.True(person.GetProperty("name").GetString()!.Length > 0);
        Assert.Matches(@"^\d\d:\d\d$", person.GetProperty("localTime").GetString()!);
        var expected = await QueryAsync(app, db => db.CheckIns.Where(c => c.SessionId == session).Select(c => new { c.PersonKind, c.PersonId }).SingleAsync());
        Assert.Equal(expected.PersonId, person.GetProperty("personId").GetInt32());

        var again = await (await staff.PostAsJsonAsync("/api/v1/editions/2024/checkins", new { token = tokens[0], sessionId = session })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal(person.GetProperty("localTime").GetString(), again.GetProperty("localTime").GetString());
        Assert.Equal(1, await QueryAsync(app, db => db.CheckIns.CountAsync(c => c.SessionId == session)));

        var forged = tokens[0][..20] + (tokens[0][20] == 'A' ? 'B' : 'A') + tokens[0][21..];
        var refused = await staff.PostAsJsonAsync("/api/v1/editions/2024/checkins", new { token = forged, sessionId = session });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("does not verify", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await QueryAsync(app, db => db.AuditEntries.AnyAsync(a => a.Action == "CheckInRefused")));
        Assert.Equal(1, await QueryAsync(app, db => db.CheckIns.CountAsync(c => c.SessionId == session)));

        var empty = await staff.PostAsJsonAsync("/api/v1/editions/2024/checkins", new { });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var unknown = await staff.PostAsJsonAsync("/api/v1/editions/2024/checkins", new { token = tokens[0], sessionId = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("sessionId", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Attendance: the API's per-person session ids, then the CSV and XLSX read back by the importer's readers (not the writer's SDK).
        var attendance = await staff.GetFromJsonAsync<JsonElement>("/api/v1/editions/2024/attendance");
        var row = attendance.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "participant" && p.GetProperty("personId").GetInt32() == expected.PersonId);
        Assert.Contains(session, row.GetProperty("sessionIds").EnumerateArray().Select(e => e.GetInt32()));
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var bytes = await ExportAttendanceAsync(staff, format);
            var read = TabularFile.Read(bytes, "attendance." + format);
            Assert.True(read.Ok, read.Error?.Message);
            var rows = read.Sheet!.Rows;
            Assert.Equal(ExportAttendance.Headers, rows[0].Cells.Take(ExportAttendance.Headers.Length));
            var total = await QueryAsync(app, db => db.CheckIns.CountAsync());
            Assert.Equal(total, rows.Count - 1);
            Assert.Contains(rows, r => r.Cells[0] == session.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Cells[4] == expected.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_guest_name_starting_with_a_formula_is_exported_as_text()
    {
        await using var app = await TmsswAppFactory.StartAsync(Provider.Sqlite);
        var session = (await SessionIdsAsync(app))[0];
        var response = await RegisterAsync(Anonymous(app), "=HYPERLINK(\"http://x\")", "formula@example.org", [session]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var guest = await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().ConferenceGuests.SingleAsync(g => g.Email == "formula@example.org");
            var token = scope.ServiceProvider.GetRequiredService<IssueBadgeToken>().Issue(new BadgeClaim(2024, BadgeRoles.Guest, guest.Id));
            var outcome = await scope.ServiceProvider.GetRequiredService<RecordCheckIn>().RunAsync(UserScope.Admin(), 2024, token, session);
            Assert.Equal(CheckInResult.CheckedIn, outcome.Result);
            Assert.Equal("This guest has no approved place in this session.", outcome.Note);
        }

        var admin = await app.SignInAsync("admin@tmssw.local");
        var csv = System.Text.Encoding.UTF8.GetString(await ExportAttendanceAsync(admin, "csv"));
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotMatch(FormulaAtCellStart(), csv);
    }

    /// <summary>The attendance download: a POST with the page's anti-forgery token, as the page's buttons send it.</summary>
    private static async Task<byte[]> ExportAttendanceAsync(HttpClient client, string format)
    {
        const string page = "/manage/2024/conference/attendance";
        var html = await client.GetStringAsync(page);
        var response = await client.PostAsync(page + "?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["format"] = format,
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(html),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task The_attendance_download_is_refused_without_the_forms_anti_forgery_token()
    {
        await using var app = await TmsswAppFactory.StartAsync(Provider.Sqlite, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        Assert.DoesNotContain("handler=Export&amp;format", await staff.GetStringAsync("/manage/2024/conference/attendance"));
        var byLink = await staff.GetAsync("/manage/2024/conference/attendance?handler=Export&format=csv");
        Assert.DoesNotContain("text/csv", byLink.Content.Headers.ContentType?.ToString() ?? "");
        var forged = await staff.PostAsync("/manage/2024/conference/attendance?handler=Export", new FormUrlEncodedContent(new Dictionary<string, string> { ["format"] = "csv" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [GeneratedRegex("(^|,)\"?=HYPERLINK", RegexOptions.Multiline)]
    private static partial Regex FormulaAtCellStart();
}
