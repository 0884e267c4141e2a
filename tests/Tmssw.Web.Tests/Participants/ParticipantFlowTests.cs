using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Participants;

public sealed class ParticipantFlowTests
{
    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    [Theory, ProviderData]
    public async Task Sensitive_values_saved_through_the_form_are_encrypted_masked_revealed_and_audited(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var id = app.People.PhoenixParticipantId;
        var edit = $"/manage/2024/participants/{id}/edit";
        var form = await staff.GetStringAsync(edit);
        var fields = FormValues(form);
        fields["Input.PassportNumber"] = "XK4471902";
        fields["Input.DateOfBirth"] = "1979-11-02";
        fields["Input.PersonalEmail"] = "private.person@example.org";
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(form);
        var saved = await staff.PostAsync(edit, new FormUrlEncodedContent(fields));
        Assert.True(HttpStatusCode.Redirect == saved.StatusCode, string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(await saved.Content.ReadAsStringAsync(), "field-error[^>]*>([^<]+)<").Select(m => m.Groups[1].Value)) + " sent: " + string.Join(", ", fields));

        // In the database: ciphertext only.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var raw = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id);
            Assert.NotNull(raw.PassportNumberProtected);
            Assert.DoesNotContain("XK4471902", raw.PassportNumberProtected);
            Assert.DoesNotContain("1979", raw.DateOfBirthProtected);
            Assert.DoesNotContain("example.org", raw.PersonalEmailProtected);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Participant" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            var update = Assert.Single(audit, a => a.Action == "Updated");
            Assert.Contains("PassportNumber", update.ChangesJson);
            Assert.DoesNotContain("XK4471902", update.ChangesJson);
        }

        // On screen: masked until revealed; the reveal is audited.
        var detailUrl = $"/manage/2024/participants/{id}";
        var detail = await staff.GetStringAsync(detailUrl);
        Assert.DoesNotContain("XK4471902", detail);
        Assert.Contains("(masked)", detail);
        var revealed = await PostForm(staff, detailUrl, detailUrl + "?handler=Reveal", []);
        var revealedHtml = await revealed.Content.ReadAsStringAsync();
        Assert.Contains("XK4471902", revealedHtml);
        Assert.Contains("1979-11-02", revealedHtml);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Revealed" && a.EntityId == id.ToString(CultureInfo.InvariantCulture) && a.UserName == "staff@tmssw.test"));
        }

        // A nominator of that country sees that values are on file but cannot reveal them.
        var nominator = await app.SignInAsync("nominator@tmssw.test");
        var nominatorView = await nominator.GetStringAsync(detailUrl);
        Assert.Contains("(masked)", nominatorView);
        Assert.DoesNotContain("Reveal", nominatorView);
        var nominatorReveal = await PostForm(nominator, detailUrl, detailUrl + "?handler=Reveal", []);
        Assert.Equal(HttpStatusCode.NotFound, nominatorReveal.StatusCode);
    }

    [Theory, ProviderData]
    public async Task A_failed_save_keeps_what_was_typed_and_says_what_is_wrong_next_to_the_field(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var edit = $"/manage/2024/participants/{app.People.PhoenixParticipantId}/edit";
        var form = await staff.GetStringAsync(edit);
        var fields = FormValues(form);
        fields["Input.GivenName"] = "Зоя Ивановна";
        fields["Input.Country"] = "Cote d Ivoir";
        fields["Input.PersonalEmail"] = "not-an-email";
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(form);
        var response = await staff.PostAsync(edit, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Зоя Ивановна\"", html);
        Assert.Contains("value=\"Cote d Ivoir\"", html);
        Assert.Contains("Did you mean Côte d", html);
        Assert.Contains("Enter an e-mail address", html);
        Assert.Contains("Nothing was saved", html);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        Assert.NotEqual("Зоя Ивановна", (await db.Participants.SingleAsync(p => p.Id == app.People.PhoenixParticipantId)).GivenName);
    }

    [Theory, ProviderData]
    public async Task Status_changes_need_a_legal_move_and_are_recorded(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var id = app.People.TucsonParticipantId;
        var url = $"/manage/2024/participants/{id}";

        var noReason = await PostForm(staff, url, url + "?handler=Status", new() { ["to"] = "Withdrawn", ["reason"] = "" });
        Assert.Contains("a reason is required", await noReason.Content.ReadAsStringAsync());

        var illegal = await PostForm(staff, url, url + "?handler=Status", new() { ["to"] = "Completed", ["reason"] = "" });
        Assert.Contains("cannot become Completed", await illegal.Content.ReadAsStringAsync());

        var ok = await PostForm(staff, url, url + "?handler=Status", new() { ["to"] = "Withdrawn", ["reason"] = "Visa refused" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await staff.GetStringAsync(url);
        Assert.Contains("Confirmed → Withdrawn", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("Visa refused", page);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        Assert.Equal(NominationStatus.Withdrawn, (await db.Participants.SingleAsync(p => p.Id == id)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "StatusChanged" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)));

        // Audit log page shows it, filterable.
        var admin = await app.SignInAsync("admin@tmssw.local");
        var audit = await admin.GetStringAsync($"/admin/audit?action=StatusChanged&entityId={id}");
        Assert.Contains("Withdrawn", audit);
        Assert.Contains("1 entries", audit);
    }

    internal static Dictionary<string, string> FormValues(string html)
    {
        var values = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<input[^>]*name=\"(Input\\.[^\"]+)\"[^>]*>"))
        {
            var value = System.Text.RegularExpressions.Regex.Match(m.Value, "value=\"([^\"]*)\"");
            values[m.Groups[1].Value] = value.Success ? System.Net.WebUtility.HtmlDecode(value.Groups[1].Value) : "";
        }

        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "<select[^>]*name=\"(Input\\.[^\"]+)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(m.Groups[2].Value, "<option(?=[^>]*selected)[^>]*value=\"([^\"]*)\"");
            values[m.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : "";
        }

        return values;
    }
}
