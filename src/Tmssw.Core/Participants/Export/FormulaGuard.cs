namespace Tmssw.Core.Participants.Export;

/// <summary>
/// Neutralizes spreadsheet formulas in exported cells, and undoes it on import.
/// Rule (docs/formats/roster.md): a cell whose text, after any leading single quotes, starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with one more
/// single quote in front. The importer removes exactly one leading quote from such a cell. So
/// <c>=1+2</c> is written <c>'=1+2</c> and read back as <c>=1+2</c>, and <c>'=x</c> (a quote typed on
/// purpose) is written <c>''=x</c> and read back as <c>'=x</c>.
/// </summary>
public static class FormulaGuard
{
    private static bool StartsDangerously(string value)
    {
        var rest = value.AsSpan().TrimStart('\'');
        return rest.Length > 0 && rest[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }

    public static string Guard(string? value) =>
        string.IsNullOrEmpty(value) ? "" : StartsDangerously(value) ? "'" + value : value;

    public static string Unguard(string value) =>
        value.Length > 1 && value[0] == '\'' && StartsDangerously(value) ? value[1..] : value;
}
