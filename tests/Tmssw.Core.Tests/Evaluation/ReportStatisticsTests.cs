using Tmssw.Core.Evaluation;

namespace Tmssw.Core.Tests.Evaluation;

public sealed class ReportStatisticsTests
{
    [Fact]
    public void Paired_interval_matches_a_hand_computed_case_with_the_t_table_value()
    {
        // Differences 1, 2, 0, 1, 3, 1: mean 8/6, sample variance 5.3333/5 = 1.06667, sd 1.03280,
        // se = sd/√6 = 0.42164; a printed t-table gives t(0.975, 5) = 2.571, so the half-width is 1.0840.
        var pairs = new List<(double, double)> { (2, 3), (1, 3), (3, 3), (2, 3), (1, 4), (3, 4) };
        var shift = ReportStatistics.Paired(pairs);

        Assert.Equal(6, shift.N);
        Assert.Equal(2.0, shift.MeanBefore, 6);
        Assert.Equal(20.0 / 6, shift.MeanAfter, 6);
        Assert.Equal(8.0 / 6, shift.Shift, 6);
        Assert.Equal(1.03280, shift.StandardDeviation!.Value, 4);
        Assert.Equal(2.571, shift.TCritical!.Value, 3);
        Assert.Equal(1.3333 - 1.0840, shift.CiLow!.Value, 3);
        Assert.Equal(1.3333 + 1.0840, shift.CiHigh!.Value, 3);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(9, 2.262)]
    [InlineData(29, 2.045)]
    [InlineData(120, 1.980)]
    public void T_critical_values_agree_with_the_printed_table(int df, double table)
    {
        Assert.Equal(table, ReportStatistics.TCritical95(df), 3);
    }

    [Fact]
    public void One_pair_has_a_shift_but_no_interval_and_none_has_nothing()
    {
        var one = ReportStatistics.Paired([(2, 5)]);
        Assert.Equal(3, one.Shift);
        Assert.Null(one.CiLow);
        Assert.Null(one.CiHigh);

        var none = ReportStatistics.Paired([]);
        Assert.Equal(0, none.N);
        Assert.True(double.IsNaN(none.Shift));
    }

    [Fact]
    public void Identical_differences_give_a_zero_width_interval()
    {
        var shift = ReportStatistics.Paired([(1, 2), (2, 3), (3, 4)]);
        Assert.Equal(1, shift.CiLow);
        Assert.Equal(1, shift.CiHigh);
    }

    [Fact]
    public void Response_rate_is_responded_over_invited_and_zero_without_invitations()
    {
        Assert.Equal(0.75, ReportStatistics.ResponseRate(40, 30));
        Assert.Equal(0, ReportStatistics.ResponseRate(0, 0));
    }
}
