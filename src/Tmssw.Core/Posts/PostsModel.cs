using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Posts;

/// <summary>The posts' part of the model (called from <see cref="Data.TmsswDbContext"/>).</summary>
internal static class PostsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Post>(e =>
        {
            e.HasIndex(x => x.Slug).IsUnique();
            e.HasIndex(x => x.PublishedAt);
            e.HasOne<Edition>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.SetNull);
            e.Property(x => x.Slug).HasMaxLength(120);
            e.Property(x => x.Title).HasMaxLength(Post.TitleMax);
            e.Property(x => x.Summary).HasMaxLength(Post.SummaryMax);
            e.Property(x => x.Author).HasMaxLength(256);
            e.HasMany(x => x.Images).WithOne().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PostImage>(e =>
        {
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.Property(x => x.OriginalName).HasMaxLength(200);
        });
    }
}
