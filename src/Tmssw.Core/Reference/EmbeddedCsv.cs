using System.Text;

namespace Tmssw.Core.Reference;

/// <summary>Reads the small RFC 4180 reference tables shipped inside the assembly.</summary>
internal static class EmbeddedCsv
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string resourceName)
    {
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The reference table {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        var header = rows[0];
        return rows.Skip(1)
            .Where(r => r.Count > 1 || r[0].Length > 0)
            .Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : "")).ToDictionary(x => x.h, x => x.v))
            .ToList();
    }

    public static string ReadText(string resourceName)
    {
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The resource {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The same RFC 4180 reader the nominations import uses.</summary>
    internal static List<List<string>> Parse(string text) =>
        Tabular.CsvTable.Parse(text, ',').Select(r => r.Cells.ToList()).ToList();
}
