using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Participants;

/// <summary>Two staff members save the same participant: the second sees both versions, nothing is lost.</summary>
public sealed class ParticipantConflictTests
{
    [Theory, ProviderData]
    public async Task The_second_form_save_shows_a_conflict_with_both_versions_and_keeps_what_was_typed(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var admin = await app.SignInAsync("admin@tmssw.local");
        var edit = $"/manage/2024/participants/{app.People.PhoenixParticipantId}/edit";

        // Both open the form before either saves.
        var staffForm = await staff.GetStringAsync(edit);
        var adminForm = await admin.GetStringAsync(edit);
        var staffFields = ParticipantFlowTests.FormValues(staffForm);
        var adminFields = ParticipantFlowTests.FormValues(adminForm);
        Assert.True(staffFields.ContainsKey("Input.Version"), "the form carries the version it was opened at");

        staffFields["Input.Position"] = "Deputy Director (saved first)";
        staffFields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(staffForm);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(edit, new FormUrlEncodedContent(staffFields))).StatusCode);

        adminFields["Input.Position"] = "Head of Unit (typed second)";
        adminFields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(adminForm);
        var conflict = await admin.PostAsync(edit, new FormUrlEncodedContent(adminFields));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());
        Assert.Contains("someone else saved this participant while you were editing", html);
        Assert.Contains("Saved by staff@tmssw.test", html);
        Assert.Contains("<td>Deputy Director (saved first)</td>", html);
        Assert.Contains("value=\"Head of Unit (typed second)\"", html);
        Assert.Contains("Position (differs)", html);

        // Nothing of the second save was written.
        Assert.Contains("Deputy Director (saved first)", WebUtility.HtmlDecode(await admin.GetStringAsync($"/manage/2024/participants/{app.People.PhoenixParticipantId}")));

        // Saving again from the conflict page (now at the stored version) keeps the admin's text, knowingly.
        var again = ParticipantFlowTests.FormValues(html);
        again["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(html);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(edit, new FormUrlEncodedContent(again))).StatusCode);
        Assert.Contains("Head of Unit (typed second)", WebUtility.HtmlDecode(await admin.GetStringAsync($"/manage/2024/participants/{app.People.PhoenixParticipantId}")));
    }

    [Theory, ProviderData]
    public async Task The_api_answers_409_problem_to_a_put_from_an_old_version(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var url = $"/api/v1/participants/{app.People.PhoenixParticipantId}";
        var shown = await staff.GetFromJsonAsync<JsonElement>(url);
        var version = shown.GetProperty("version").GetInt32();

        object Body(string position, int seen) => new
        {
            givenName = shown.GetProperty("givenName").GetString(),
            familyName = shown.GetProperty("familyName").GetString(),
            country = shown.GetProperty("country").GetString(),
            gender = shown.GetProperty("gender").GetString(),
            sector = shown.GetProperty("sector").GetString(),
            agency = shown.GetProperty("agency").GetString(),
            position,
            themes = shown.GetProperty("themes").EnumerateArray().Select(t => t.GetString()).ToArray(),
            languages = shown.GetProperty("languages").EnumerateArray().Select(t => t.GetString()).ToArray(),
            version = seen,
        };

        var first = await staff.PutAsJsonAsync(url, Body("First program's position", version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(version + 1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var second = await staff.PutAsJsonAsync(url, Body("Second program's position", version));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Contains("nothing was saved", problem.GetProperty("title").GetString());
        Assert.Equal("First program's position", (await staff.GetFromJsonAsync<JsonElement>(url)).GetProperty("position").GetString());
    }
}
