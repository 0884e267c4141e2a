namespace Tmssw.Core.Retention;

/// <summary>
/// How long participants' sensitive fields are kept after their edition ends (<c>Retention:Months</c>,
/// default 12): after that, the retention job purges them.
/// </summary>
public sealed record RetentionSettings(int Months = RetentionSettings.DefaultMonths)
{
    public const int DefaultMonths = 12;

    /// <summary>The environment variable the web app's configuration also reads (<c>Retention:Months</c>).</summary>
    public const string EnvironmentVariable = "Retention__Months";

    /// <summary>For the CLI: <c>Retention__Months</c> when set to a whole number of at least 1, else 12.</summary>
    public static RetentionSettings FromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var months) && months >= 1
            ? new RetentionSettings(months)
            : new RetentionSettings();
}
