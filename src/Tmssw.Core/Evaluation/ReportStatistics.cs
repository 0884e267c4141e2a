using MathNet.Numerics.Distributions;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// The shift between a paired question's before and after answers: n pairs, both means, the mean
/// difference (after − before) and its 95% confidence interval by the paired t-interval:
/// mean difference ± t(0.975, n − 1) · sd / √n, sd the sample standard deviation (n − 1) of the differences.
/// With fewer than two pairs there is no interval (null).
/// </summary>
public sealed record PairedShift(int N, double MeanBefore, double MeanAfter, double Shift, double? StandardDeviation, double? TCritical, double? CiLow, double? CiHigh);

/// <summary>The evaluation report's arithmetic: pure functions of the raw answers, no database.</summary>
public static class ReportStatistics
{
    /// <summary>How the interval is made, said on the page, in the PDF and in the JSON contract.</summary>
    public const string PairedMethod =
        "paired t-interval: mean of (after − before) ± t(0.975, n − 1) × sd / √n, sd the sample standard deviation of the differences; respondents who answered both halves only";

    /// <summary>The two-sided 95% critical value of Student's t with <paramref name="degreesOfFreedom"/> (MathNet.Numerics).</summary>
    public static double TCritical95(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975);
    }

    /// <summary>The paired shift of before/after answers (one pair per respondent who answered both).</summary>
    public static PairedShift Paired(IReadOnlyList<(double Before, double After)> pairs)
    {
        var n = pairs.Count;
        if (n == 0)
        {
            return new PairedShift(0, double.NaN, double.NaN, double.NaN, null, null, null, null);
        }

        var meanBefore = pairs.Average(p => p.Before);
        var meanAfter = pairs.Average(p => p.After);
        var diffs = pairs.Select(p => p.After - p.Before).ToList();
        var shift = diffs.Average();
        if (n < 2)
        {
            return new PairedShift(n, meanBefore, meanAfter, shift, null, null, null, null);
        }

        var sd = Math.Sqrt(diffs.Sum(d => (d - shift) * (d - shift)) / (n - 1));
        var t = TCritical95(n - 1);
        var half = t * sd / Math.Sqrt(n);
        return new PairedShift(n, meanBefore, meanAfter, shift, sd, t, shift - half, shift + half);
    }

    /// <summary>Responded / invited, 0 when nobody was invited.</summary>
    public static double ResponseRate(int invited, int responded) => invited <= 0 ? 0 : (double)responded / invited;

    /// <summary>The mean of the answers, null when there are none.</summary>
    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : values.Average();
}
