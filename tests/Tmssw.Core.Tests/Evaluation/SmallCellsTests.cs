using Tmssw.Core.Evaluation;

namespace Tmssw.Core.Tests.Evaluation;

public sealed class SmallCellsTests
{
    [Fact]
    public void A_lone_small_cell_takes_the_next_smallest_with_it_so_subtraction_from_the_total_finds_nothing()
    {
        var table = SmallCells.Suppress([("Agree", 20), ("Neutral", 7), ("Disagree", 3), ("Strongly agree", 12)]);

        Assert.Equal(42, table.Total);
        Assert.Equal(["20", "<5", "<5", "12"], table.Cells.Select(c => c.Text));
        AssertNotDerivable(table);
    }

    [Fact]
    public void Two_small_cells_adding_to_under_five_take_a_third()
    {
        var table = SmallCells.Suppress([("a", 1), ("b", 2), ("c", 9), ("d", 30)]);
        Assert.Equal(["<5", "<5", "<5", "30"], table.Cells.Select(c => c.Text));
        AssertNotDerivable(table);
    }

    [Fact]
    public void Zero_is_shown_and_large_cells_stay()
    {
        var table = SmallCells.Suppress([("a", 0), ("b", 6), ("c", 9)]);
        Assert.Equal(["0", "6", "9"], table.Cells.Select(c => c.Text));
    }

    [Fact]
    public void A_total_under_five_shows_nothing()
    {
        var table = SmallCells.Suppress([("a", 3), ("b", 1), ("c", 0)]);
        Assert.Null(table.Total);
        Assert.All(table.Cells, c => Assert.True(c.Suppressed));
    }

    [Fact]
    public void When_nothing_is_left_to_hide_only_the_total_is_shown()
    {
        var table = SmallCells.Suppress([("a", 2), ("b", 0), ("c", 40)]);
        Assert.Equal(42, table.Total);
        Assert.Equal(["<5", "0", "<5"], table.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Countries_are_protected_within_their_region_whose_total_is_published()
    {
        var table = SmallCells.SuppressWithin([
            ("MX", "Central America", 8), ("GT", "Central America", 2), ("HN", "Central America", 6),
            ("BR", "South America", 9), ("AR", "South America", 7),
        ]);

        // Guatemala's 2 would be Central America's 16 minus 8 minus 6: Mexico's or Honduras's count goes too.
        var shown = table.Cells.ToDictionary(c => c.Key, c => c.Text);
        Assert.Equal("<5", shown["GT"]);
        Assert.Equal("<5", shown["HN"]);
        Assert.Equal("8", shown["MX"]);
        Assert.Equal("9", shown["BR"]);
        Assert.Equal("7", shown["AR"]);
    }

    [Fact]
    public void Random_tables_never_reveal_a_small_cell()
    {
        var random = new Random(13);
        for (var round = 0; round < 500; round++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 7)).Select(i => ($"k{i}", random.Next(0, 12))).ToList();
            var table = SmallCells.Suppress(cells);
            foreach (var (cell, (_, count)) in table.Cells.Zip(cells))
            {
                Assert.True(cell.Suppressed || count == 0 || count >= SmallCells.Threshold, $"round {round}: {count} shown");
            }

            if (table.Total is not null)
            {
                AssertNotDerivable(table);
            }
        }
    }

    /// <summary>With the total shown, the hidden cells are either none or at least two adding up to at least 5.</summary>
    private static void AssertNotDerivable(ShownTable table)
    {
        var hidden = table.Cells.Where(c => c.Suppressed).ToList();
        if (hidden.Count == 0)
        {
            return;
        }

        Assert.True(hidden.Count >= 2, "a single hidden cell is the total minus the others");
        var hiddenSum = table.Total!.Value - table.Cells.Where(c => !c.Suppressed).Sum(c => c.Count!.Value);
        Assert.True(hiddenSum >= SmallCells.Threshold, $"the hidden cells add up to {hiddenSum}");
    }
}
