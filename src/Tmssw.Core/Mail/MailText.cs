using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Mail;

/// <summary>
/// The messages' words in the program's six languages (<c>MailText.resx</c> and one <c>MailText.{lang}.resx</c>
/// each): a subject and a body per <see cref="MailTemplate"/>, with placeholders in braces — <c>{name}</c>,
/// <c>{edition}</c>, <c>{status}</c>, <c>{city}</c>, <c>{link}</c>, <c>{contact}</c> — and the statuses' names.
/// </summary>
public static partial class MailText
{
    public static readonly IReadOnlyList<string> Placeholders = ["name", "edition", "status", "city", "link", "contact"];

    private static readonly ResourceManager Resources = new("Tmssw.Core.Mail.MailText", typeof(MailText).Assembly);

    /// <summary>Every key a language file must have.</summary>
    public static IEnumerable<string> Keys =>
        Enum.GetValues<MailTemplate>().SelectMany(t => new[] { $"{t}.Subject", $"{t}.Body" })
            .Concat(Enum.GetValues<Participants.NominationStatus>().Select(s => $"Status_{s}"));

    /// <summary>The recipient's language when the program writes in it (<see cref="TravellerText.Languages"/>), else English.</summary>
    public static string LanguageFor(string? preferred) => TravellerText.Resolve(preferred);

    public static string? Raw(string key, string language) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language));

    /// <summary>The subject and body of a template in a language, its placeholders filled (unknown values left empty).</summary>
    public static (string Subject, string Body) Render(MailTemplate template, string language, IReadOnlyDictionary<string, string?> values)
    {
        var subject = Fill(Raw($"{template}.Subject", language) ?? template.ToString(), values);
        var body = Fill(Raw($"{template}.Body", language) ?? "", values);
        return (subject, body);
    }

    public static string StatusName(Participants.NominationStatus status, string language) =>
        Raw($"Status_{status}", language) ?? status.ToString();

    private static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v ?? "" : m.Value);

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
