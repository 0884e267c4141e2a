using Tmssw.Core.Tabular;

namespace Tmssw.Core.Participants.Import;

/// <summary>A nominations file that cannot be read at all (not CSV/XLSX, corrupt, too large, empty, no such sheet).</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Why, as the reader said; null when the file could not even be opened.</summary>
    public TabularError? Error { get; init; }
}

/// <summary>
/// A nominations file as a table: read through <see cref="TabularFile"/> (bounded, never throwing),
/// then its header found: a CSV's first non-blank line; in a workbook, the row among the first ten
/// that names the most known columns (so a title row above it, "Nominations 2025 – Embassy Quito", is skipped).
/// </summary>
public static class NominationTable
{
    /// <summary>The table, or <see cref="UnreadableFileException"/> with the reader's message.</summary>
    public static RawTable Read(byte[] bytes, string fileName, string? sheet = null, TabularLimits? limits = null)
    {
        var read = TabularFile.Read(bytes, fileName, sheet, limits);
        if (read.Error is { } error)
        {
            throw new UnreadableFileException(error.Message) { Error = error };
        }

        var table = read.Sheet!;
        if (table.Rows.Count == 0)
        {
            throw new UnreadableFileException(table.IsXlsx
                ? $"The sheet \"{table.Sheet}\" is empty: it needs a header row and one row per nominee."
                : "The file is empty: it needs a header line and one line per nominee.");
        }

        return table.WithHeader(table.IsXlsx ? HeaderIndex(table.Rows) : 0);
    }

    private static int HeaderIndex(IReadOnlyList<RawRow> rows)
    {
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < Math.Min(10, rows.Count); i++)
        {
            var score = rows[i].Cells.Count(c => ColumnMap.Match(c) is not null);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best;
    }
}
