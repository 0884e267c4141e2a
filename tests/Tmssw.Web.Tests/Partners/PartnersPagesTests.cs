using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Partners;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Partners;

/// <summary>
/// The partner's pages over HTTP: the Phoenix partner (Host) sees its city's countdown and households
/// and plans and saves the evening; another city is a 404; a failed form keeps what was typed; the
/// outbox is the staff's. The group's week lists the saved evening.
/// </summary>
public sealed class PartnersPagesTests
{
    private static async Task<string> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page);
        var response = await client.PostAsync(url + (handler is null ? "" : $"?handler={handler}"), new FormUrlEncodedContent(fields));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await client.GetStringAsync(response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory, ProviderData]
    public async Task A_partner_sees_its_city_only_and_places_the_group_for_an_evening(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrepareCountdown>().RunAsync(UserScope.Admin("test"), 2024);
        }

        var host = await app.SignInAsync("host@tmssw.test");
        var tasks = await host.GetStringAsync("/manage/2024/tasks");
        Assert.Contains("Send meeting requests to hosts", tasks);
        Assert.Contains("Phoenix, AZ", tasks);
        Assert.DoesNotContain("Tucson, AZ", tasks);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/manage/2024/tasks?city=tucson")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/manage/2024/hospitality/tucson")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await host.GetAsync("/manage/2024/tasks/steps")).StatusCode);

        var page = await host.GetStringAsync("/manage/2024/hospitality/mine");
        Assert.Contains("Home hospitality in Phoenix, AZ", page);
        Assert.Contains("The Alvarez household (synthetic)", page);

        // A failed household form keeps what was typed and names the field.
        var failed = await PostAsync(host, "/manage/2024/hospitality/phoenix", new()
        {
            ["Household.Name"] = "The Ortega household",
            ["Household.Capacity"] = "5",
            ["Household.Languages"] = "en, es",
        }, "Household");
        Assert.Contains("Capacity: a household takes 2 or 3 guests.", failed);
        Assert.Contains("value=\"The Ortega household\"", failed);

        var planned = await PostAsync(host, "/manage/2024/hospitality/phoenix", new() { ["evening"] = "2024-05-12" }, "Plan");
        Assert.Contains("Proposal for Sunday 12 May", planned);
        Assert.Contains("Save this evening", planned);

        // Save what was proposed (the hidden fields of the proposal).
        var fields = System.Text.RegularExpressions.Regex.Matches(planned, "name=\"(Homes\\[\\d+\\]\\.\\w+|evening)\" value=\"([^\"]*)\"")
            .GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.Last().Groups[2].Value));
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(planned);
        var save = await host.PostAsync("/manage/2024/hospitality/phoenix?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await host.GetStringAsync(save.Headers.Location!.OriginalString);
        Assert.Contains("The evening is saved", saved);
        Assert.Contains("Saved for Sunday 12 May 2024, 18:00", saved);

        var week = await host.GetStringAsync("/manage/2024/schedule/phoenix");
        Assert.Contains("Home hospitality: Sunday 12 May, 18:00–20:30", week);

        // The outbox is not the partner's.
        Assert.NotEqual(HttpStatusCode.OK, (await host.GetAsync("/manage/outbox")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task Staff_review_and_approve_in_the_outbox_and_a_bad_edit_keeps_what_was_typed(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<Tmssw.Core.Participants.ChangeStatuses>()
                .RunAsync(UserScope.Admin("test"), new Tmssw.Core.Participants.StatusChangeRequest([app.People.TucsonParticipantId], Tmssw.Core.Participants.NominationStatus.Withdrawn, "test"));
            Assert.True(changed.Succeeded);
        }

        var staff = await app.SignInAsync("staff@tmssw.test");
        var outbox = await staff.GetStringAsync("/manage/outbox");
        Assert.Contains("waiting · StatusChanged", outbox);
        Assert.Contains("no address on file", outbox);
        var id = System.Text.RegularExpressions.Regex.Match(outbox, "id=\"msg-(\\d+)\"").Groups[1].Value;

        var bad = await PostAsync(staff, "/manage/outbox", new() { ["to"] = "not-an-address", ["subject"] = "Typed subject", ["body"] = "Typed body" }, $"Edit&id={id}");
        Assert.Contains("To: give one e-mail address", bad);
        Assert.Contains("Typed subject", bad);

        var noAddress = await PostAsync(staff, "/manage/outbox", [], $"Approve&id={id}");
        Assert.Contains("has no address: give one before approving it", noAddress);

        await PostAsync(staff, "/manage/outbox", new() { ["to"] = "someone@example.org", ["subject"] = "Typed subject", ["body"] = "Typed body" }, $"Edit&id={id}");
        var approved = await PostAsync(staff, "/manage/outbox", [], $"Approve&id={id}");
        Assert.Contains($"Message #{id} approved", approved);

        var other = await app.SignInAsync("staff2023@tmssw.test");
        Assert.DoesNotContain($"id=\"msg-{id}\"", await other.GetStringAsync("/manage/outbox"));
    }
}
