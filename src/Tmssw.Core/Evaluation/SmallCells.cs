namespace Tmssw.Core.Evaluation;

/// <summary>One cell of a published table: the count, or suppressed (shown "&lt;5").</summary>
public sealed record ShownCount(string Key, int? Count)
{
    public bool Suppressed => Count is null;

    public string Text => Count is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : SmallCells.Mark;
}

/// <summary>A published table of counts with its total (the total itself suppressed when under the threshold).</summary>
public sealed record ShownTable(IReadOnlyList<ShownCount> Cells, int? Total)
{
    public string TotalText => Total is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : SmallCells.Mark;
}

/// <summary>
/// Small-cell suppression, so that no table identifies an anonymous respondent. Primary: a count from 1
/// to 4 is not shown ("&lt;5"; zero is shown, it identifies nobody). Complementary: a table's total is
/// shown, so a lone suppressed cell could be found by subtraction; the next smallest shown cells are
/// suppressed too until at least two are hidden and the hidden cells add up to at least 5 (so neither the
/// sum nor any one of them can be worked out). A table whose total is under 5 shows nothing but "&lt;5".
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;
    public const string Mark = "<5";

    public static ShownTable Suppress(IReadOnlyList<(string Key, int Count)> counts)
    {
        var total = counts.Sum(c => c.Count);
        if (total < Threshold)
        {
            return new ShownTable(counts.Select(c => new ShownCount(c.Key, c.Count == 0 && total == 0 ? 0 : null)).ToList(), total == 0 ? 0 : null);
        }

        var hidden = new bool[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            hidden[i] = counts[i].Count is > 0 and < Threshold;
        }

        // Complementary suppression: hide the smallest shown non-zero cells until the hidden part is safe.
        while (hidden.Any(h => h) && !Safe(counts, hidden))
        {
            var next = Enumerable.Range(0, counts.Count)
                .Where(i => !hidden[i] && counts[i].Count > 0)
                .OrderBy(i => counts[i].Count).ThenBy(i => i)
                .Select(i => (int?)i).FirstOrDefault();
            if (next is not { } n)
            {
                break;
            }

            hidden[n] = true;
        }

        // If the hidden cells still are not safe (nothing left to hide), the table says only its total.
        if (hidden.Any(h => h) && !Safe(counts, hidden))
        {
            return new ShownTable(counts.Select(c => new ShownCount(c.Key, null)).ToList(), total);
        }

        return new ShownTable(counts.Select((c, i) => new ShownCount(c.Key, hidden[i] ? null : c.Count)).ToList(), total);
    }

    /// <summary>
    /// A hierarchical table (countries within regions, whose totals are published in their own table):
    /// each region's countries are protected against that region's total, as well as the table as a whole.
    /// </summary>
    public static ShownTable SuppressWithin(IReadOnlyList<(string Key, string Parent, int Count)> counts)
    {
        var shown = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var group in counts.GroupBy(c => c.Parent, StringComparer.Ordinal))
        {
            foreach (var cell in Suppress(group.Select(c => (c.Key, c.Count)).ToList()).Cells)
            {
                shown[cell.Key] = cell.Count;
            }
        }

        var total = counts.Sum(c => c.Count);
        return new ShownTable(counts.Select(c => new ShownCount(c.Key, shown[c.Key])).ToList(), total < Threshold ? null : total);
    }

    /// <summary>A single statistic (a mean, a count of pairs) is shown only from this many answers on.</summary>
    public static bool MayShow(int n) => n >= Threshold;

    private static bool Safe(IReadOnlyList<(string Key, int Count)> counts, bool[] hidden)
    {
        var hiddenCount = 0;
        var hiddenSum = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (hidden[i])
            {
                hiddenCount++;
                hiddenSum += counts[i].Count;
            }
        }

        return hiddenCount == 0 || (hiddenCount >= 2 && hiddenSum >= Threshold);
    }
}
