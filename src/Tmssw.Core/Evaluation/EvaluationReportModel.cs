using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Evaluation;

/// <summary>The evaluation report's part of the model: the performance indicators (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class EvaluationReportModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PerformanceIndicator>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Text).HasMaxLength(IndicatorRules.TextMax);
            e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SurveyKind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.TargetPercent).HasPrecision(5, 2);
            e.Property(x => x.PairKey).HasMaxLength(SurveyRules.PairKeyMax);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.EditionId, x.Number });
        });
    }
}
