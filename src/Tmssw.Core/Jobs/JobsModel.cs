using Microsoft.EntityFrameworkCore;

namespace Tmssw.Core.Jobs;

/// <summary>The jobs' and uploads' part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class JobsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<JobRun>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.LockKey).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.OwnerUserId).HasMaxLength(450);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Phase).HasMaxLength(40);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.ResultUrl).HasMaxLength(500);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.Property(x => x.Instance).HasMaxLength(200);
            e.HasIndex(x => new { x.State, x.CreatedAt });
            e.HasIndex(x => x.OwnerUserId);
        });
        builder.Entity<StoredUpload>(e =>
        {
            e.Property(x => x.OwnerUserId).HasMaxLength(450);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Sheet).HasMaxLength(100);
            e.HasIndex(x => new { x.OwnerUserId, x.CreatedAt });
        });
    }
}
