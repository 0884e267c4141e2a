using System.Net.Mail;

namespace Tmssw.Core.Conference;

/// <summary>What the public registration form sends.</summary>
public sealed record GuestInput(string? Name, string? Organization, string? Position, string? Email, IReadOnlyList<int> SessionIds);

/// <summary>A guest's fields after <see cref="GuestRules.Check"/>: trimmed, the e-mail lower-cased.</summary>
public sealed record GuestValues(string Name, string Organization, string Position, string Email, IReadOnlyList<int> SessionIds);

/// <summary>The rules an outside guest's registration obeys, with messages that say what to fix (keyed by field).</summary>
public static class GuestRules
{
    public const int NameMax = 150;
    public const int OrganizationMax = 200;
    public const int PositionMax = 150;
    public const int EmailMax = 254;
    public const int SessionsMax = 50;

    public static (GuestValues? Values, IReadOnlyDictionary<string, string> Errors) Check(GuestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var name = Text(input.Name, "Name", "your name", NameMax, errors);
        var organization = Text(input.Organization, "Organization", "your organization", OrganizationMax, errors);
        var position = Text(input.Position, "Position", "your position (job title)", PositionMax, errors);
        var email = (input.Email ?? "").Trim().ToLowerInvariant();
        if (email.Length == 0)
        {
            errors["Email"] = "Give your e-mail address.";
        }
        else if (email.Length > EmailMax || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errors["Email"] = "Give an e-mail address such as name@agency.gov.";
        }

        var sessions = (input.SessionIds ?? []).Distinct().ToList();
        if (sessions.Count == 0)
        {
            errors["SessionIds"] = "Choose at least one session.";
        }
        else if (sessions.Count > SessionsMax)
        {
            errors["SessionIds"] = $"Choose at most {SessionsMax} sessions.";
        }

        return errors.Count > 0 ? (null, errors) : (new GuestValues(name, organization, position, email, sessions), errors);
    }

    private static string Text(string? value, string field, string what, int max, Dictionary<string, string> errors)
    {
        var text = string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            errors[field] = $"Give {what}.";
        }
        else if (text.Length > max)
        {
            errors[field] = $"Keep {what} to {max} characters (it has {text.Length}).";
        }
        else if (text.Any(char.IsControl))
        {
            errors[field] = $"Remove the control characters from {what}.";
        }

        return text;
    }
}
