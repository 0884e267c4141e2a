using System.Globalization;

namespace Tmssw.Core.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary><c>smtp://</c>: plain (loopback or a trusted relay).</summary>
    None,

    /// <summary><c>smtp://…?starttls=true</c>: STARTTLS required.</summary>
    StartTls,

    /// <summary><c>smtps://</c>: TLS from the first byte.</summary>
    ImplicitTls,
}

/// <summary>An SMTP server from a <c>TMSSW_SMTP</c> URL: <c>smtp://[user:password@]host:port</c>, <c>smtps://</c>, <c>?starttls=true</c>.</summary>
public sealed record SmtpEndpoint(string Host, int Port, SmtpSecurity Security, string? User, string? Password)
{
    public override string ToString() =>
        $"{(Security == SmtpSecurity.ImplicitTls ? "smtps" : "smtp")}://{(User is null ? "" : User + ":***@")}{Host}:{Port.ToString(CultureInfo.InvariantCulture)}{(Security == SmtpSecurity.StartTls ? "?starttls=true" : "")}";

    /// <summary>The endpoint, or an error that says what is wrong with the URL (the password is never repeated).</summary>
    public static (SmtpEndpoint? Endpoint, string? Error) Parse(string? url)
    {
        const string Form = "smtp://[user:password@]host:port, smtps://… for implicit TLS, ?starttls=true for STARTTLS";
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, $"TMSSW_SMTP is not set; give it as {Form}.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0)
        {
            return (null, $"TMSSW_SMTP is not an SMTP URL; give it as {Form}.");
        }

        var port = uri.IsDefaultPort || uri.Port <= 0 ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
        var security = uri.Scheme == "smtps" ? SmtpSecurity.ImplicitTls : SmtpSecurity.None;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]).ToLowerInvariant();
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]).ToLowerInvariant() : "";
            if (key != "starttls" || value is not ("true" or "false"))
            {
                return (null, $"TMSSW_SMTP: unknown option '{Uri.UnescapeDataString(parts[0])}'; the only option is starttls=true.");
            }

            if (value == "true")
            {
                if (security == SmtpSecurity.ImplicitTls)
                {
                    return (null, "TMSSW_SMTP: smtps:// is already TLS; starttls=true goes with smtp:// only.");
                }

                security = SmtpSecurity.StartTls;
            }
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return (new SmtpEndpoint(uri.Host, port, security, user, password), null);
    }
}

/// <summary>
/// The mail settings: <c>TMSSW_SMTP</c> (the server URL), <c>TMSSW_MAIL_FROM</c> (the sender, e.g.
/// <c>"TMSSW program &lt;program@example.org&gt;"</c>) and <c>TMSSW_PUBLIC_URL</c> (the site's address in
/// links, default http://localhost:5000). Sending needs the first two; generating messages needs none.
/// </summary>
public sealed record MailSettings(string? Smtp, string? From, string PublicUrl = MailSettings.DefaultPublicUrl)
{
    public const string DefaultPublicUrl = "http://localhost:5000";

    public static MailSettings FromEnvironment() => new(
        Environment.GetEnvironmentVariable("TMSSW_SMTP"),
        Environment.GetEnvironmentVariable("TMSSW_MAIL_FROM"),
        Environment.GetEnvironmentVariable("TMSSW_PUBLIC_URL") is { Length: > 0 } url ? url.TrimEnd('/') : DefaultPublicUrl);

    public bool CanSend => !string.IsNullOrWhiteSpace(Smtp) && !string.IsNullOrWhiteSpace(From);

    public string Link(string path) => PublicUrl.TrimEnd('/') + path;
}
