using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Mail;

/// <summary>The outbox's part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class MailModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Template).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Language).HasMaxLength(10);
            e.Property(x => x.ToName).HasMaxLength(200);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Origin).HasMaxLength(300);
            e.Property(x => x.EditedBy).HasMaxLength(256);
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.Property(x => x.DiscardedBy).HasMaxLength(256);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.MessageId).HasMaxLength(300);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
    }
}
