using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tmssw.Planning;

/// <summary>A problem System.Text.Json found, explained: where (a JSON path, <c>$.offers[0].venue</c>) and what.</summary>
public sealed record JsonProblem(string Path, string Message);

/// <summary>
/// The one explainer of System.Text.Json's errors for both planners' JSON readers (split and schedule
/// instances): one wording ("unknown field 'x'", "invalid value: expected an integer", "invalid JSON
/// (line 3, position 7): …") and one path style (<c>$</c>, <c>$.a[0].b</c>, the unknown field's own name included).
/// </summary>
public static partial class JsonErrors
{
    public static JsonProblem Explain(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var message = exception.Message;
        var unmapped = UnmappedRegex().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;

            // System.Text.Json's path may or may not already end with the unknown property's name.
            var full = path.EndsWith("." + name, StringComparison.Ordinal) || path.EndsWith($"['{name}']", StringComparison.Ordinal) ? path : $"{path}.{name}";
            return new JsonProblem(full, $"unknown field '{name}'");
        }

        var convert = ConvertRegex().Match(message);
        if (convert.Success)
        {
            return new JsonProblem(path, $"invalid value: expected {Expected(convert.Groups[1].Value)}");
        }

        var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1})" : "";
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return new JsonProblem(path, $"invalid JSON{where}: {(cut > 0 ? message[..cut] : message).Trim()}");
    }

    /// <summary>The path in a format's own terms without the leading <c>$.</c> (the split-instance format writes <c>cities[0].maxSize</c>); "" for the document.</summary>
    public static string WithoutRoot(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.StartsWith('$') ? path[1..] : path;
    }

    /// <summary>What a .NET type named in the message means to someone writing JSON.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object",
        _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal)
            => type.Contains("List`1[System.String]", StringComparison.Ordinal) ? "an array of strings" : "an array",
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "an integer",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Single", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("String", StringComparison.Ordinal) => "a string (or null)",
        _ when type.Contains("JsonElement", StringComparison.Ordinal) => "a JSON value",
        _ when type.Contains("Dto", StringComparison.Ordinal) || type.Contains('+', StringComparison.Ordinal) => "an object",
        _ => "a different kind of value",
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedRegex();

    [GeneratedRegex(@"could not be converted to (\S+?)\.?(?:\s|$)")]
    private static partial Regex ConvertRegex();
}
