using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Partners;

/// <summary>The local partners' part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class PartnersModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CountdownTemplate>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Anchor).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Owner).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.EditionId, x.SortOrder });
        });
        builder.Entity<PartnerTask>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CountdownTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.CityId).HasMaxLength(60);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.AssigneeName).HasMaxLength(200);
            e.Property(x => x.DoneBy).HasMaxLength(256);
            e.Property(x => x.Anchor).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Owner).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.EditionId, x.CityId, x.Due });
        });
        builder.Entity<Household>(e =>
        {
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<City>().WithMany().HasForeignKey(x => x.CityId);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(500);
            e.HasIndex(x => new { x.EditionId, x.CityId });
        });
        builder.Entity<HospitalityEvening>(e =>
        {
            e.HasOne<Group>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.GroupId).IsUnique();
            e.Property(x => x.SavedBy).HasMaxLength(256);
            e.HasMany(x => x.Homes).WithOne().HasForeignKey(x => x.HospitalityEveningId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<HospitalityHomeGuests>(e =>
        {
            e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
