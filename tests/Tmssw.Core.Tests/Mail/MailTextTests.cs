using System.Text.RegularExpressions;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Mail;

namespace Tmssw.Core.Tests.Mail;

public partial class MailTextTests
{
    public static TheoryData<string> Languages => [.. TravellerText.Languages];

    [Theory, MemberData(nameof(Languages))]
    public void Every_language_has_every_key_with_the_english_placeholders(string language)
    {
        foreach (var key in MailText.Keys)
        {
            var english = MailText.Raw(key, "en");
            var text = MailText.Raw(key, language);
            Assert.False(string.IsNullOrWhiteSpace(text), $"{language} misses {key}");
            Assert.Equal(Placeholders(english!), Placeholders(text!));
            if (language != "en" && key.EndsWith(".Body", StringComparison.Ordinal))
            {
                Assert.NotEqual(english, text);
            }
        }
    }

    [Fact]
    public void Rendering_fills_the_placeholders_and_leaves_no_brace()
    {
        var (subject, body) = MailText.Render(MailTemplate.ThankYou, "ar", new Dictionary<string, string?>
        {
            ["name"] = "Amal", ["edition"] = "TMSSW 2024", ["city"] = "Phoenix", ["contact"] = "x@example.org",
        });
        Assert.Contains("TMSSW 2024", subject, StringComparison.Ordinal);
        Assert.Contains("Amal", body, StringComparison.Ordinal);
        Assert.Contains("Phoenix", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smtp://mail.example.org:2525", "mail.example.org", 2525, SmtpSecurity.None, null, null)]
    [InlineData("smtps://u%40x:p%3Ass@mail.example.org", "mail.example.org", 465, SmtpSecurity.ImplicitTls, "u@x", "p:ss")]
    [InlineData("smtp://user:secret@127.0.0.1:587?starttls=true", "127.0.0.1", 587, SmtpSecurity.StartTls, "user", "secret")]
    [InlineData("smtp://relay", "relay", 25, SmtpSecurity.None, null, null)]
    public void Smtp_urls_are_read(string url, string host, int port, SmtpSecurity security, string? user, string? password)
    {
        var (endpoint, error) = SmtpEndpoint.Parse(url);
        Assert.Null(error);
        Assert.Equal(new SmtpEndpoint(host, port, security, user, password), endpoint);
        Assert.DoesNotContain(password ?? "\u0000", endpoint!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "TMSSW_SMTP is not set")]
    [InlineData("http://mail.example.org", "is not an SMTP URL")]
    [InlineData("smtp://mail.example.org?tls=yes", "unknown option 'tls'")]
    [InlineData("smtps://mail.example.org?starttls=true", "smtps:// is already TLS")]
    public void Bad_smtp_urls_are_explained(string? url, string expected)
    {
        var (endpoint, error) = SmtpEndpoint.Parse(url);
        Assert.Null(endpoint);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
