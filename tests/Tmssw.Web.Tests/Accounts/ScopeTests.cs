using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>Each role sees its own scope and nothing of another's, on every page that lists or shows people.</summary>
public sealed class ScopeTests
{
    [Theory, ProviderData]
    public async Task A_host_of_phoenix_cannot_read_a_tucson_participant_through_any_page(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var host = await app.SignInAsync("host@tmssw.test");
        var p = app.People;
        var tucsonName = await NameOfAsync(app, p.TucsonParticipantId);
        var phoenixName = await NameOfAsync(app, p.PhoenixParticipantId);

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/manage/2024/participants/{p.TucsonParticipantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/manage/2024/participants/{p.PhoenixParticipantId}")).StatusCode);
        var search = System.Net.WebUtility.HtmlDecode(await host.GetStringAsync("/manage/2024/participants?q=" + Uri.EscapeDataString(tucsonName)));
        Assert.Contains("No participant matches", search);
        foreach (var page in new[] { "/manage/2024/participants", "/manage/2024/groups", $"/manage/2024/participants?group={p.TucsonGroupId}" })
        {
            var html = System.Net.WebUtility.HtmlDecode(await host.GetStringAsync(page));
            Assert.DoesNotContain(tucsonName, html);
        }

        Assert.Contains(phoenixName, System.Net.WebUtility.HtmlDecode(await host.GetStringAsync("/manage/2024/groups")));
        var cities = await host.GetStringAsync("/manage/2024/cities");
        Assert.Contains("Phoenix, AZ", cities);
        Assert.DoesNotContain("Tucson, AZ", cities);

        // The roster never shows passport or contact data to a host.
        var detail = await host.GetStringAsync($"/manage/2024/participants/{p.PhoenixParticipantId}");
        Assert.DoesNotContain("Passport", detail);
        Assert.DoesNotContain("Reveal", detail);
    }

    [Theory, ProviderData]
    public async Task A_nominator_sees_only_their_country_and_a_participant_only_themselves(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var p = app.People;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var ownCountry = await db.Participants.CountAsync(x => x.Country == p.Country);
        var other = await db.Participants.FirstAsync(x => x.Country != p.Country);

        var nominator = await app.SignInAsync("nominator@tmssw.test");
        var list = System.Net.WebUtility.HtmlDecode(await nominator.GetStringAsync("/manage/2024/participants"));
        Assert.Contains($"({ownCountry})", list);
        Assert.DoesNotContain(other.FamilyName, list);
        Assert.Equal(HttpStatusCode.NotFound, (await nominator.GetAsync($"/manage/2024/participants/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nominator.GetAsync($"/manage/2024/participants/{other.Id}/edit")).StatusCode);

        var participant = await app.SignInAsync("participant@tmssw.test");
        var me = System.Net.WebUtility.HtmlDecode(await participant.GetStringAsync("/me"));
        Assert.Contains(await NameOfAsync(app, p.PhoenixParticipantId), me);
        Assert.Contains(await NameOfAsync(app, p.OtherPhoenixParticipantId), me);
        Assert.DoesNotContain(other.FamilyName, me);
        var denied = await participant.GetAsync($"/manage/2024/participants/{p.OtherPhoenixParticipantId}");
        Assert.Contains("/account/denied", denied.Headers.Location?.ToString());
    }

    [Theory, ProviderData]
    public async Task Staff_reach_only_the_editions_they_are_assigned(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var other = await app.SignInAsync("staff2023@tmssw.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/manage/2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/manage/2024/participants/{app.People.PhoenixParticipantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/manage/2023")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task The_list_pages_through_the_whole_roster(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var first = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync("/manage/2024/participants"));
        var second = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync("/manage/2024/participants?page=2"));
        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("Page 2 of 2", second);
        Assert.Contains("href=\"/manage/2024/participants?page=2\"", first);
        var idsFirst = System.Text.RegularExpressions.Regex.Matches(first, "/manage/2024/participants/(\\d+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        var idsSecond = System.Text.RegularExpressions.Regex.Matches(second, "/manage/2024/participants/(\\d+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(50, idsFirst.Count);
        Assert.Equal(6, idsSecond.Count);
        Assert.Empty(idsFirst.Intersect(idsSecond));
    }

    private static async Task<string> NameOfAsync(TmsswAppFactory app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        return await db.Participants.Where(x => x.Id == id).Select(x => x.FamilyName).SingleAsync();
    }
}
