using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Participants;

public sealed class ImportExportPageTests
{
    [Theory, ProviderData]
    public async Task Staff_preview_every_problem_then_commit_only_the_valid_rows(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        const string url = "/manage/2024/participants/import";
        var csv = "Given name;Surname;Nationality;Sex;Sector;Agency;Position;E-mail;Favourite colour\n"
            + "Amaru;Quispe Mamani;Bolivia;M;law-enforcement;FELCN;Major;amaru@example.org;blue\n"
            + "Lindiwe;Dlamini;Atlantis;F;prosecution;NPA;Prosecutor;not-an-email;green\n";

        var form = await staff.GetStringAsync(url);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(TmsswAppFactory.AntiForgery(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "embassy.csv");
        var preview = await staff.PostAsync(url + "?handler=Upload", upload);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("1</strong> to add", html);
        Assert.Contains("1</strong> invalid", html);
        Assert.Contains("Atlantis", html);
        Assert.Contains("Favourite colour", html);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            Assert.False(await db.Participants.AnyAsync(p => p.FamilyName == "Quispe Mamani"), "The preview saved something.");
        }

        var uploadId = System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([^\"]+)\"").Groups[1].Value;
        var commit = await staff.PostAsync(url + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["upload"] = uploadId,
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(html),
        }));
        Assert.Contains("Imported 1 new", await commit.Content.ReadAsStringAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            Assert.True(await db.Participants.AnyAsync(p => p.FamilyName == "Quispe Mamani" && p.Country == "BO"));
            Assert.False(await db.Participants.AnyAsync(p => p.FamilyName == "Dlamini" && p.Agency == "NPA"));
        }

        // Another person cannot commit someone else's upload.
        var admin = await app.SignInAsync("admin@tmssw.local");
        var adminPage = await admin.GetStringAsync(url);
        var stolen = await admin.PostAsync(url + "?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["upload"] = uploadId,
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(adminPage),
        }));
        Assert.Contains("expired", await stolen.Content.ReadAsStringAsync());
    }

    [Theory, ProviderData]
    public async Task A_hosts_roster_export_holds_its_city_and_no_sensitive_column(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var host = await app.SignInAsync("host@tmssw.test");
        var response = await ExportAsync(host, ("format", "Csv"), ("city", "tucson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain("Passport", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("birth", lines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mail", lines[0], StringComparison.OrdinalIgnoreCase);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var phoenix = await db.Participants.Where(p => p.GroupId == app.People.PhoenixGroupId).Select(p => p.FamilyName).ToListAsync();
        var tucson = await db.Participants.Where(p => p.GroupId == app.People.TucsonGroupId).Select(p => p.FamilyName).ToListAsync();
        Assert.Equal(phoenix.Count, lines.Length - 1);
        Assert.All(tucson, name => Assert.DoesNotContain(name, csv));

        var staff = await app.SignInAsync("staff@tmssw.test");
        var full = await (await ExportAsync(staff, ("format", "Csv"))).Content.ReadAsStringAsync();
        Assert.Contains("Passport", full.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(57, full.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory, ProviderData]
    public async Task A_link_or_a_post_from_another_site_exports_nothing_and_reveals_nothing(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        async Task<int> RevealedAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().AuditEntries.CountAsync(a => a.Action == "Revealed");
        }

        var before = await RevealedAsync();

        // The old download link is now only the form.
        var link = await staff.GetAsync("/manage/2024/participants/export?download=true&format=Csv");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal("text/html", link.Content.Headers.ContentType?.MediaType);

        // A cross-site form cannot hold this session's anti-forgery token.
        var forged = await staff.PostAsync("/manage/2024/participants/export", new FormUrlEncodedContent(new Dictionary<string, string> { ["format"] = "Csv" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await RevealedAsync());

        // The page's own form exports, and that export is recorded.
        var real = await ExportAsync(staff, ("format", "Csv"));
        Assert.Equal("text/csv", real.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await RevealedAsync());
    }

    /// <summary>Downloads a roster as the export page's form does: a POST with its anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var form = await client.GetStringAsync("/manage/2024/participants/export");
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        values.Add(new("__RequestVerificationToken", TmsswAppFactory.AntiForgery(form)));
        return await client.PostAsync("/manage/2024/participants/export", new FormUrlEncodedContent(values));
    }

    [Theory, ProviderData]
    public async Task Staff_change_the_status_of_several_participants_at_once_or_of_none(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var p = app.People;
        var list = await staff.GetStringAsync("/manage/2024/participants");
        var token = TmsswAppFactory.AntiForgery(list);

        var refused = await staff.PostAsync("/manage/2024/participants?handler=Bulk", new FormUrlEncodedContent(
        [
            new("ids", p.PhoenixParticipantId.ToString(CultureInfo.InvariantCulture)), new("ids", p.TucsonParticipantId.ToString(CultureInfo.InvariantCulture)),
            new("to", "Completed"), new("reason", ""), new("__RequestVerificationToken", token),
        ]));
        Assert.Contains("cannot become Completed", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var done = await staff.PostAsync("/manage/2024/participants?handler=Bulk", new FormUrlEncodedContent(
        [
            new("ids", p.PhoenixParticipantId.ToString(CultureInfo.InvariantCulture)), new("ids", p.TucsonParticipantId.ToString(CultureInfo.InvariantCulture)),
            new("to", "Traveling"), new("reason", "Arrived in Washington"), new("__RequestVerificationToken", token),
        ]));
        Assert.Contains("2 participants now Traveling", await done.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        Assert.Equal(2, await db.Participants.CountAsync(x => x.Status == Tmssw.Core.Participants.NominationStatus.Traveling));
    }
}
