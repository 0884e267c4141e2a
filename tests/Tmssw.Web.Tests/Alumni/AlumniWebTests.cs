using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Alumni;

/// <summary>
/// The alumni pages and API over HTTP with the demo's alumni: an alumnus's withdrawn field is gone from the
/// directory page and the API on the next request; the thread pages answer each reader as the TLP label says;
/// a failed reply keeps its text; a non-alumnus participant gets 404s.
/// </summary>
public sealed class AlumniWebTests
{
    [Theory, ProviderData]
    public async Task A_withdrawn_field_is_gone_from_the_directory_page_and_the_api_at_once(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var maria = await AlumnusAccountAsync(app, "Maria", "maria.alumna@example.org");
        var amina = await AlumnusAccountAsync(app, "Amina", "amina.alumna@example.org");

        var before = await amina.GetStringAsync("/alumni?theme=narcotics&edition=2023");
        Assert.Contains("Maria Santos", before, StringComparison.Ordinal);
        Assert.Contains("Philippine Drug Enforcement Agency", before, StringComparison.Ordinal);
        var api = await ApiEntryAsync(amina, "Maria Santos");
        Assert.Equal("Philippine Drug Enforcement Agency", api.GetProperty("agency").GetString());

        // Maria withdraws her agency and her themes on /me/alumni (the form sends only the boxes left ticked).
        var form = await maria.GetStringAsync("/me/alumni");
        var saved = await maria.PostAsync("/me/alumni", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Name"] = "true",
            ["Form.Country"] = "true",
            ["Form.Edition"] = "true",
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await amina.GetStringAsync("/alumni?edition=2023");
        Assert.Contains("Maria Santos", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Philippine Drug Enforcement Agency", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Santos", await amina.GetStringAsync("/alumni?theme=narcotics"), StringComparison.Ordinal);
        var apiAfter = await ApiEntryAsync(amina, "Maria Santos");
        Assert.Equal(JsonValueKind.Null, apiAfter.GetProperty("agency").ValueKind);
        Assert.Equal(JsonValueKind.Null, apiAfter.GetProperty("themes").ValueKind);
        Assert.Equal("PH", apiAfter.GetProperty("country").GetString());

        // The Confirmed participant of the seed is not an alumnus: the directory and its API do not exist for them.
        var participant = await app.SignInAsync(DemoPeople.EmailOf["Participant"]);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync("/alumni")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync("/api/v1/alumni")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task Thread_pages_answer_each_reader_as_the_label_says_and_a_failed_reply_keeps_its_text(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var ids = await ThreadIdsAsync(app);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var clear = await anonymous.GetAsync($"/alumni/exchange/{ids[Tlp.Clear]}");
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Contains("TLP:CLEAR", await clear.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/alumni/exchange/{ids[Tlp.Green]}")).StatusCode);
        var publicList = await anonymous.GetStringAsync("/api/v1/alumni/threads");
        Assert.DoesNotContain("TLP:GREEN", publicList, StringComparison.Ordinal);
        Assert.Contains("TLP:CLEAR", publicList, StringComparison.Ordinal);

        // Tomás's AMBER+STRICT thread: his colleague Ana (same agency) reads it, Amina does not, nor staff (not reported).
        var ana = await AlumnusAccountAsync(app, "Ana", "ana.alumna@example.org");
        var amina = await AlumnusAccountAsync(app, "Amina", "amina.alumna@example.org");
        var staff = await app.SignInAsync(DemoPeople.EmailOf["Staff"]);
        var strict = $"/alumni/exchange/{ids[Tlp.AmberStrict]}";
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync(strict)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await amina.GetAsync(strict)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(strict)).StatusCode);
        Assert.Contains("TLP:AMBER+STRICT", await ana.GetStringAsync("/api/v1/alumni/threads"), StringComparison.Ordinal);
        Assert.DoesNotContain("TLP:AMBER+STRICT", await amina.GetStringAsync("/api/v1/alumni/threads"), StringComparison.Ordinal);

        // A reply over the limit is refused with the reason, and the text typed is kept in the form.
        var page = await ana.GetStringAsync(strict);
        var tooLong = "Lessons " + new string('x', AlumniRules.BodyMax);
        var refused = await ana.PostAsync(strict + "?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Body"] = tooLong,
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"at most {AlumniRules.BodyMax}", html, StringComparison.Ordinal);
        Assert.Contains("Lessons xxxx", html, StringComparison.Ordinal);

        // The demo's reported reply: staff see it in the queue and on its (GREEN) thread.
        var queue = await staff.GetStringAsync("/alumni/moderation");
        Assert.Contains("Advertising, not an exchange of experience.", queue, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ApiEntryAsync(HttpClient client, string name)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/alumni"));
        return doc.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name).Clone();
    }

    private static async Task<Dictionary<Tlp, int>> ThreadIdsAsync(TmsswAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var rows = await db.AlumniThreads.Where(t => t.Tlp != Tlp.Amber).OrderBy(t => t.Id).Select(t => new { t.Tlp, t.Id }).ToListAsync();
        return rows.GroupBy(r => r.Tlp).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>An account for a demo alumnus (by given name), signed in through the real form.</summary>
    internal static async Task<HttpClient> AlumnusAccountAsync(TmsswAppFactory app, string givenName, string email)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var id = await db.Participants.Where(p => p.IsSynthetic && p.GivenName == givenName && p.Status == Core.Participants.NominationStatus.Completed).Select(p => p.Id).SingleAsync();
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(new NewUser(email, Roles.Participant, TmsswAppFactory.Password, ParticipantId: id));
            Assert.True(user is not null, string.Join(" ", errors));
        }

        return await app.SignInAsync(email);
    }
}
