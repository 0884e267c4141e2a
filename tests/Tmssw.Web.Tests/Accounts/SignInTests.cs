using System.Net;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>Signing in and what every response carries: security headers, anti-forgery, lock-out.</summary>
public sealed class SignInTests
{
    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    [Theory, ProviderData]
    public async Task Responses_carry_the_security_headers_and_errors_show_no_stack_trace(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var client = app.CreateClient();
        var response = await client.GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());

        var home = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", home);
        Assert.DoesNotContain("style=\"", home);

        var missing = await client.GetAsync("/editions/abc/def");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Not found", await missing.Content.ReadAsStringAsync());

        // A form posted without its anti-forgery token is refused, not processed.
        var noToken = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@tmssw.local", ["Input.Password"] = TmsswAppFactory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Theory, ProviderData]
    public async Task Repeated_failed_sign_ins_lock_the_account(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            var r = await PostForm(client, "/account/login", "/account/login", new() { ["Input.Email"] = "host@tmssw.test", ["Input.Password"] = "wrong-password-1A" });
            last = await r.Content.ReadAsStringAsync();
        }

        Assert.Contains("locked", last);
        var right = await PostForm(client, "/account/login", "/account/login", new() { ["Input.Email"] = "host@tmssw.test", ["Input.Password"] = TmsswAppFactory.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign out", await right.Content.ReadAsStringAsync());
    }

    [Theory, ProviderData]
    public async Task Sign_in_does_not_tell_whether_an_account_exists_or_is_locked(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        async Task<string> AnswerAsync(string email, string password)
        {
            var page = await client.GetStringAsync("/account/login");
            var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = TmsswAppFactory.AntiForgery(page) };
            var posted = System.Diagnostics.Stopwatch.StartNew();
            var r = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
            var answer = Error(await r.Content.ReadAsStringAsync());

            // Every failure (unknown, wrong, locked) is held to the same answer time, whatever its path cost.
            Assert.True(posted.Elapsed >= Tmssw.Web.Pages.Accounts.LoginModel.FailureAnswerTime, $"{email}: answered after {posted.Elapsed.TotalMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return answer;
        }

        var wrong = await AnswerAsync("staff@tmssw.test", "wrong-password-1A");
        var unknown = await AnswerAsync("nobody@tmssw.test", "wrong-password-1A");
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync("interpreter@tmssw.test", "wrong-password-1A");
        }

        var locked = await AnswerAsync("interpreter@tmssw.test", TmsswAppFactory.Password);
        var unknownAgain = await AnswerAsync("nobody@tmssw.test", "wrong-password-1A");
        Assert.Equal(Tmssw.Web.Pages.Accounts.LoginModel.Failure, System.Net.WebUtility.HtmlDecode(wrong));
        Assert.Equal(wrong, unknown);
        Assert.Equal(wrong, locked);
        Assert.Equal(wrong, unknownAgain);
    }

    [Theory, ProviderData]
    public async Task A_form_body_with_an_encoded_nul_is_refused_with_a_400_not_a_500(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var body in new[] { "Input.Email=%00&Input.Password=x", "city=%00", "%00=x", "Input.Email=a%01b" })
        {
            var response = await client.PostAsync("/account/login", new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode}");
            Assert.Contains("control character", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The form's error summary, the one place a failed sign-in answers.</summary>
    private static string Error(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "validation-summary-errors[^>]*>\\s*<ul>\\s*<li>(.*?)</li>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "no error summary in the answer");
        return match.Groups[1].Value;
    }
}
