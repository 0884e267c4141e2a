using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>A lock ends sessions and tokens at once; a password change kills the tokens; tokens expire.</summary>
public sealed class AccountSecurityTests
{
    private static async Task<string> TokenAsync(TmsswAppFactory app, string userId, int days = ApiToken.DefaultDays)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync(userId, "tests", new Actor(userId, "tests"), days)).Token;
    }

    private static HttpClient Bearer(TmsswAppFactory app, string token)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Theory, ProviderData]
    public async Task A_lock_ends_the_cookie_session_at_the_next_request_and_revokes_the_tokens(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var token = await TokenAsync(app, app.People.StaffId);
        var program = Bearer(app, token);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/manage/2024")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<UpdateUserScope>().RunAsync(
                app.People.StaffId, new UserScopeChange(null, null, null, null, [2024], Locked: true), new Actor(null, "admin@tmssw.local"));
            Assert.Empty(errors);
        }

        // The very next request: signed out, not 30 minutes later.
        var after = await staff.GetAsync("/manage/2024");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        // Unlocking does not bring the token back: it was revoked, and says why.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UpdateUserScope>().RunAsync(
                app.People.StaffId, new UserScopeChange(null, null, null, null, [2024], Locked: false), new Actor(null, "admin@tmssw.local"));
            var stored = await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.TokenHash == ApiToken.HashOf(token));
            Assert.Equal(RevokeAccountTokens.AccountLocked, stored.RevokedReason);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);
    }

    [Theory, ProviderData]
    public async Task A_password_change_revokes_the_tokens_and_the_list_shows_why(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var token = await TokenAsync(app, app.People.StaffId);
        var program = Bearer(app, token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(app.People.StaffId))!;
            var me = new UserScope(user.Id, user.Email!, new HashSet<string> { Roles.Staff }, new HashSet<int>());
            var result = await scope.ServiceProvider.GetRequiredService<ChangeOwnPassword>().RunAsync(me, user, TmsswAppFactory.Password, "Another-Passw0rd-456");
            Assert.True(result.Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        var staff = app.CreateClient(new() { AllowAutoRedirect = false });
        var login = await staff.GetStringAsync("/account/login");
        var signedIn = await staff.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "staff@tmssw.test",
            ["Input.Password"] = "Another-Passw0rd-456",
            ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/account/tokens"));
        Assert.Contains("Revoked (password changed)", list);
    }

    [Theory, ProviderData]
    public async Task A_token_works_until_its_expiry_and_the_lifetime_is_bounded(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var token = await TokenAsync(app, app.People.StaffId, days: 1);
        var program = Bearer(app, token);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var stored = await db.ApiTokens.SingleAsync(t => t.TokenHash == ApiToken.HashOf(token));
            Assert.Equal(stored.CreatedAt.AddDays(1), stored.ExpiresAt);
            stored.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/v1/editions/2024/participants")).StatusCode);

        // Created on the page: 90 days unless chosen; more than a year is refused next to the field.
        var staff = await app.SignInAsync("staff@tmssw.test");
        async Task<string> Create(string name, string days)
        {
            var page = await staff.GetStringAsync("/account/tokens");
            var response = await staff.PostAsync("/account/tokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Name"] = name,
                ["Input.Days"] = days,
                ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page),
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var tooLong = await Create("forever", "400");
        Assert.Contains("between 1 and 365 days", tooLong);
        Assert.Contains("value=\"forever\"", tooLong);
        Assert.Contains("Expired", tooLong);

        var created = await Create("roster sync", "90");
        Assert.Contains("It works until", created);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "roster sync");
            Assert.Equal(stored.CreatedAt.AddDays(90), stored.ExpiresAt);
        }
    }
}
