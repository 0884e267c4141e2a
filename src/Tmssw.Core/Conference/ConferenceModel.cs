using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Conference;

/// <summary>The conference's part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class ConferenceModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ConferenceSession>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Track).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Speakers).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.EditionId, x.Start });
        });
        builder.Entity<Speaker>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Organization).HasMaxLength(200);
            e.Property(x => x.Bio).HasMaxLength(4000);
            e.HasMany(x => x.Sessions).WithOne(x => x.Speaker).HasForeignKey(x => x.SpeakerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SessionSpeaker>(e =>
        {
            e.ToTable("ConferenceSessionSpeakers");
            e.HasKey(x => new { x.SessionId, x.SpeakerId });
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        });
        builder.Entity<ConferenceRoom>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => new { x.EditionId, x.Name }).IsUnique();
        });
        builder.Entity<VenueDay>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.HasIndex(x => new { x.EditionId, x.Date }).IsUnique();
        });
        builder.Entity<AgendaVersion>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId);
            e.Property(x => x.Name).HasMaxLength(60);
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.EditionId, x.Number }).IsUnique();
        });
    }
}
