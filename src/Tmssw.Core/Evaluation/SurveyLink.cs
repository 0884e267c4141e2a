namespace Tmssw.Core.Evaluation;

/// <summary>The personal survey link: <c>/survey/{token}</c> (absolute under <see cref="Mail.MailSettings.PublicUrl"/>).</summary>
public static class SurveyLink
{
    public static string Path(string token) => "/survey/" + Uri.EscapeDataString(token);
}
