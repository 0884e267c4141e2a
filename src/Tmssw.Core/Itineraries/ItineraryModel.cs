using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Itineraries;

/// <summary>The itineraries' part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class ItineraryModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ProgramItem>(e =>
        {
            Common(e);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.CityId).HasMaxLength(60);
            e.Property(x => x.VenueName).HasMaxLength(300);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.TimeZone).HasMaxLength(60);
            e.Property(x => x.HostName).HasMaxLength(300);
            e.HasIndex(x => new { x.EditionId, x.Start });
        });
        builder.Entity<TravelLeg>(e =>
        {
            Common(e);
            e.Property(x => x.Carrier).HasMaxLength(100);
            e.Property(x => x.FlightNumber).HasMaxLength(20);
            e.Property(x => x.FromAirport).HasMaxLength(3);
            e.Property(x => x.ToAirport).HasMaxLength(3);
            e.HasIndex(x => new { x.EditionId, x.Departure });
        });
        builder.Entity<Lodging>(e =>
        {
            Common(e);
            e.Property(x => x.HotelName).HasMaxLength(300);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.CityId).HasMaxLength(60);
            e.Property(x => x.TimeZone).HasMaxLength(60);
            e.Property(x => x.Phone).HasMaxLength(40);
            e.HasIndex(x => new { x.EditionId, x.CheckIn });
        });
        builder.Entity<FeedToken>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.OwnerKind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.OwnerKey).HasMaxLength(60);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => new { x.EditionId, x.OwnerKind, x.OwnerKey });
        });
    }

    private static void Common<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : ProgramEntity
    {
        e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Uid).HasMaxLength(80);
        e.HasIndex(x => x.Uid).IsUnique();
    }
}
