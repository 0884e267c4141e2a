using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Alumni;

/// <summary>The alumni's part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class AlumniModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AlumniSharing>(e =>
        {
            e.HasKey(x => x.ParticipantId);
            e.HasOne<Participant>().WithOne().HasForeignKey<AlumniSharing>(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AlumniThread>(e =>
        {
            e.Property(x => x.Theme).HasMaxLength(40);
            e.Property(x => x.Tlp).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AudienceTheme).HasMaxLength(40);
            e.Property(x => x.AudienceRegion).HasMaxLength(80);
            e.Property(x => x.AgencyKey).HasMaxLength(200);
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.HiddenBy).HasMaxLength(256);
            e.Property(x => x.HiddenReason).HasMaxLength(1000);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.AuthorParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Replies).WithOne().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Reports).WithOne().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.Theme, x.CreatedAt });
        });
        builder.Entity<ThreadRecipient>(e =>
        {
            e.HasKey(x => new { x.ThreadId, x.ParticipantId });
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AlumniReply>(e =>
        {
            e.Property(x => x.AuthorName).HasMaxLength(200);
            e.Property(x => x.HiddenBy).HasMaxLength(256);
            e.Property(x => x.HiddenReason).HasMaxLength(1000);
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.AuthorParticipantId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PostReport>(e =>
        {
            e.Property(x => x.ReportedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.ResolvedBy).HasMaxLength(256);
            e.HasOne<AlumniReply>().WithMany().HasForeignKey(x => x.ReplyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<AlumniInvitation>(e =>
        {
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.InvitedBy).HasMaxLength(256);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
