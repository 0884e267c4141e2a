using System.Net;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Posts;

/// <summary>
/// A page number from a query string far past the end: (page - 1) × size used to overflow int into a
/// negative OFFSET that PostgreSQL refuses (a 500 from an anonymous /conversations?page=715827884).
/// Every paged list answers it with an empty page instead, on both engines.
/// </summary>
public sealed class PagingTests
{
    [Theory, ProviderData]
    public async Task A_page_number_far_past_the_end_is_an_empty_page_not_an_error(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var anonymous = app.CreateClient();
        foreach (var page in new[] { "715827884", "2147483647" })
        {
            var conversations = await anonymous.GetAsync($"/conversations?page={page}");
            Assert.Equal(HttpStatusCode.OK, conversations.StatusCode);
            Assert.DoesNotContain("<article", await conversations.Content.ReadAsStringAsync());
        }

        var admin = await app.SignInAsync(app.People.AdminEmail);
        foreach (var path in new[] { "/manage/2024/participants?page=715827884", "/admin/audit?page=715827884", "/manage/2024/participants?page=2147483647&pageSize=100" })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var first = await admin.GetStringAsync("/manage/2024/participants");
        var far = await admin.GetStringAsync("/manage/2024/participants?page=715827884");
        Assert.Contains("<tbody", first);
        Assert.True(Rows(far) < Rows(first), "a page past the end lists fewer rows than the first page");
    }

    private static int Rows(string html) => html.Split("<tr", StringSplitOptions.None).Length - 1;
}
