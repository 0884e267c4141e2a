using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Itineraries;

/// <summary>The participants' own pages over HTTP: their language, their book, and nobody else's.</summary>
public sealed class TravellerPagesTests
{
    [Theory, ProviderData]
    public async Task Pages_default_to_the_interpretation_language_and_the_chosen_language_wins(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        await TravellerData.SetInterpretationLanguageAsync(app.Services, app.People.PhoenixParticipantId, "es");
        var participant = await app.SignInAsync("participant@tmssw.test");

        var profile = WebUtility.HtmlDecode(await participant.GetStringAsync("/me"));
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", profile, StringComparison.Ordinal);
        Assert.Contains("Mi perfil", profile, StringComparison.Ordinal);
        Assert.Contains(await TravellerData.NameOfAsync(app.Services, app.People.PhoenixParticipantId), profile, StringComparison.Ordinal);

        var today = WebUtility.HtmlDecode(await participant.GetStringAsync("/me/today"));
        Assert.Contains("<h1>Hoy", today, StringComparison.Ordinal);

        // The switcher: Arabic, right to left, on every page under /me.
        var form = await participant.GetStringAsync("/me/today");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var switched = await participant.PostAsync("/me/today?handler=Language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["language"] = "ar",
            ["returnUrl"] = "/me/itinerary",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/me/itinerary", switched.Headers.Location?.ToString());
        var itinerary = WebUtility.HtmlDecode(await participant.GetStringAsync("/me/itinerary"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", itinerary, StringComparison.Ordinal);
        Assert.Contains("برنامج رحلتي", itinerary, StringComparison.Ordinal);
        Assert.Contains("مايو", itinerary, StringComparison.Ordinal); // the days' month, in Arabic
    }

    [Theory, ProviderData]
    public async Task The_book_comes_as_html_and_as_a_pdf_holding_the_participants_name_and_days(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var name = await TravellerData.NameOfAsync(app.Services, app.People.PhoenixParticipantId);
        var participant = await app.SignInAsync("participant@tmssw.test");

        var html = WebUtility.HtmlDecode(await participant.GetStringAsync("/me/book?language=fr"));
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("mai 2024", html, StringComparison.Ordinal);
        var css = await participant.GetAsync("/me/book?handler=Css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("@media print", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pdf = await participant.GetAsync("/me/book?format=pdf&language=ru");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("мая", text, StringComparison.Ordinal);
        Assert.Contains("апреля", text, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task A_participant_gets_only_their_own_book_and_staff_of_other_roles_reach_no_me_pages(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var p = app.People;

        // The use case under the pages and the CLI: another participant's book is out of scope (404).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var print = scope.ServiceProvider.GetRequiredService<PrintProgramBook>();
            var me = new UserScope(p.ParticipantUserId, "participant", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: p.PhoenixParticipantId);
            var own = await print.PdfAsync(me, new BookRequest(2024, p.PhoenixParticipantId));
            Assert.Equal("application/pdf", own.ContentType);
            await Assert.ThrowsAsync<OutOfScopeException>(() => print.PdfAsync(me, new BookRequest(2024, p.OtherPhoenixParticipantId)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => print.PdfAsync(me, new BookRequest(2024, p.TucsonParticipantId)));
            await Assert.ThrowsAsync<OutOfScopeException>(() => print.PdfAsync(me, new BookRequest(2024, City: "tucson")));
        }

        foreach (var path in new[] { "/me/today", "/me/book", "/me/itinerary", "/me/book?format=pdf" })
        {
            var participant = await app.SignInAsync("participant@tmssw.test");
            Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync(path)).StatusCode);
            var interpreter = await app.SignInAsync("interpreter@tmssw.test");
            Assert.Equal(HttpStatusCode.OK, (await interpreter.GetAsync(path)).StatusCode);
            foreach (var other in new[] { "staff@tmssw.test", "host@tmssw.test", "nominator@tmssw.test" })
            {
                var client = await app.SignInAsync(other);
                var response = await client.GetAsync(path);
                Assert.Contains("/account/denied", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Theory, ProviderData]
    public async Task Badges_issued_for_a_group_verify_and_a_changed_token_does_not(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        await using var scope = app.Services.CreateAsyncScope();
        var badges = await scope.ServiceProvider.GetRequiredService<PrintBadges>().BadgesAsync(UserScope.Admin(), 2024, "phoenix");
        Assert.NotEmpty(badges);
        var verify = scope.ServiceProvider.GetRequiredService<VerifyBadgeToken>();
        Assert.All(badges, b => Assert.NotNull(verify.Verify(b.Token)));
        var token = badges[0].Token;
        Assert.Null(verify.Verify(token[..10] + (token[10] == 'x' ? 'y' : 'x') + token[11..]));

        var participantScope = new UserScope(app.People.ParticipantUserId, "participant", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: app.People.PhoenixParticipantId);
        await Assert.ThrowsAsync<OutOfScopeException>(() => scope.ServiceProvider.GetRequiredService<PrintBadges>().BadgesAsync(participantScope, 2024, "phoenix"));
    }

    private static string PdfText(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("tmssw-web-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "book.pdf");
            File.WriteAllBytes(file, pdf);
            var info = new ProcessStartInfo("pdftotext") { RedirectStandardError = true };
            foreach (var a in new[] { "-enc", "UTF-8", file, Path.Combine(dir.FullName, "book.txt") })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return File.ReadAllText(Path.Combine(dir.FullName, "book.txt"), Encoding.UTF8).Normalize(NormalizationForm.FormKC);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
