using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Posts;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Posts;

/// <summary>
/// Writing posts on both databases: a draft is never public; a scheduled post appears exactly when the
/// (fake) clock reaches its time; unpublishing takes it away; every change is audited; only the
/// edition's runners (and Admins for edition-less posts) write; images are stored without metadata.
/// </summary>
public sealed class PostAuthoringTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class World(TestDatabase database, TmsswDbContext db, FakeTimeProvider clock, int edition2024, int edition2023) : IAsyncDisposable
    {
        public TmsswDbContext Db => db;
        public FakeTimeProvider Clock => clock;
        public AuditLog Audit { get; } = new(db, clock);
        public SavePost Save => new(db, Audit, clock);
        public PublishPost Publish => new(db, Audit, clock);
        public UnpublishPost Unpublish => new(db, Audit, clock);
        public ListPosts Public => new(db, clock);
        public ListManagedPosts Managed => new(db, clock);
        public GetPostDraft Get => new(db, clock);
        public AddPostImage AddImage => new(db, Audit, clock);
        public GetPostImage GetImage => new(db, Public);
        public UserScope Staff2024 { get; } = new("staff-1", "staff@tmssw.test", new HashSet<string> { Roles.Staff }, new HashSet<int> { edition2024 });
        public UserScope Staff2023 { get; } = new("staff-2", "staff2023@tmssw.test", new HashSet<string> { Roles.Staff }, new HashSet<int> { edition2023 });
        public UserScope Host { get; } = new("host-1", "host@tmssw.test", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: "phoenix");

        public async ValueTask DisposeAsync()
        {
            await db.DisposeAsync();
            await database.DisposeAsync();
        }

        public static async Task<World> CreateAsync(Provider provider)
        {
            var database = await TestDatabase.CreateAsync(provider);
            var db = await database.MigratedContextAsync();
            var e2023 = new Edition { Year = 2023, Ordinal = 9, Title = "2023 (synthetic)" };
            var e2024 = new Edition { Year = 2024, Ordinal = 10, Title = "2024 (synthetic)" };
            db.Editions.AddRange(e2023, e2024);
            await db.SaveChangesAsync();
            return new World(database, db, new FakeTimeProvider(Start), e2024.Id, e2023.Id);
        }
    }

    private static PostInput Input(string title = "Ports and precursors", string body = "First paragraph.\n\nSecond **bold**.") =>
        new(title, "What customs officers learned (synthetic).", body, ["narcotics", "Money laundering and financial crime"], 2024);

    [Theory, ProviderData]
    public async Task A_draft_stays_private_a_scheduled_post_appears_at_its_time_and_every_change_is_audited(Provider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var created = await w.Save.RunAsync(w.Staff2024, null, Input());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Message)));
        var id = created.PostId!.Value;
        var post = await w.Db.Posts.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(("ports-and-precursors", false), (post.Slug, post.IsPublished));
        Assert.Equal(["narcotics", "money-laundering"], post.Themes);

        async Task<bool> IsPublicAsync() =>
            await w.Public.FindAsync(post.Slug) is not null
            && (await w.Public.RunAsync(1, 50)).Posts.Any(p => p.Id == id);

        Assert.False(await w.Public.Public().AnyAsync(p => p.Id == id));
        Assert.Null(await w.Public.FindAsync(post.Slug));
        Assert.Equal(PostState.Draft, Assert.Single(await w.Managed.RunAsync(w.Staff2024)).State);

        // The other edition's staff and other roles neither see nor change it.
        Assert.Empty(await w.Managed.RunAsync(w.Staff2023));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.Get.RunAsync(w.Staff2023, id));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.Save.RunAsync(w.Staff2023, id, Input("Taken over")));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.Publish.RunAsync(w.Staff2023, id));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.Save.RunAsync(w.Host, null, Input()));

        var edited = await w.Save.RunAsync(w.Staff2024, id, Input("Ports, precursors and partners"));
        Assert.True(edited.Succeeded);

        // Scheduled two hours ahead: not public one tick before, public at the time.
        Assert.True((await w.Publish.RunAsync(w.Staff2024, id, Start.AddHours(2))).Succeeded);
        Assert.Equal(PostState.Scheduled, (await w.Get.RunAsync(w.Staff2024, id)).State);
        Assert.False(await IsPublicAsync());
        w.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromTicks(1));
        Assert.False(await IsPublicAsync());
        w.Clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(await IsPublicAsync());
        Assert.Equal(PostState.Published, (await w.Get.RunAsync(w.Staff2024, id)).State);
        Assert.False((await w.Publish.RunAsync(w.Staff2024, id)).Succeeded); // already published

        Assert.True((await w.Unpublish.RunAsync(w.Staff2024, id)).Succeeded);
        Assert.False(await IsPublicAsync());
        Assert.False((await w.Unpublish.RunAsync(w.Staff2024, id)).Succeeded);

        Assert.True((await w.Publish.RunAsync(w.Staff2024, id)).Succeeded);
        Assert.True(await IsPublicAsync());

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await w.Db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Post" && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["PostCreated", "PostChanged", "PostScheduled", "PostUnpublished", "PostPublished"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("staff@tmssw.test", a.UserName));
        Assert.Contains("Ports, precursors and partners", audit[1].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 14:00:00Z", audit[2].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("Draft", audit[3].ChangesJson, StringComparison.Ordinal);

        // Saving without a change writes no audit entry.
        Assert.True((await w.Save.RunAsync(w.Staff2024, id, Input("Ports, precursors and partners"))).Succeeded);
        Assert.Equal(5, await w.Db.AuditEntries.CountAsync(a => a.EntityType == "Post"));
    }

    [Theory, ProviderData]
    public async Task Each_field_error_names_its_field_and_an_edition_less_post_is_for_admins(Provider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var outcome = await w.Save.RunAsync(w.Staff2024, null, new PostInput("  ", new string('s', 301), "", ["narcotics", "astrology"], 1999));
        Assert.False(outcome.Succeeded);
        Assert.Equal(["Title", "Summary", "Body", "Themes", "Edition"], outcome.Errors.Select(e => e.Field));
        Assert.Contains("astrology", outcome.Errors.Single(e => e.Field == "Themes").Message, StringComparison.Ordinal);
        Assert.Contains("1999", outcome.Errors.Single(e => e.Field == "Edition").Message, StringComparison.Ordinal);

        var noEdition = Input() with { EditionYear = null };
        Assert.Equal("Edition", Assert.Single((await w.Save.RunAsync(w.Staff2024, null, noEdition)).Errors).Field);
        Assert.Equal("Edition", Assert.Single((await w.Save.RunAsync(w.Staff2024, null, Input() with { EditionYear = 2023 })).Errors).Field);
        var byAdmin = await w.Save.RunAsync(UserScope.Admin(), null, noEdition);
        Assert.True(byAdmin.Succeeded);
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.Get.RunAsync(w.Staff2024, byAdmin.PostId!.Value));

        // The same title twice gets its own slug; a title with nothing sluggable still gets one.
        var twice = await w.Save.RunAsync(UserScope.Admin(), null, noEdition);
        Assert.Equal("ports-and-precursors-2", (await w.Db.Posts.AsNoTracking().SingleAsync(p => p.Id == twice.PostId)).Slug);
        Assert.Equal("post", SavePost.Slug("¿¡ !?"));
        Assert.Equal("economia-e-seguranca", SavePost.Slug("Economia e Segurança"));
        Assert.Equal(0, await w.Db.Posts.CountAsync(p => p.IsPublished));
    }

    [Theory, ProviderData]
    public async Task An_image_is_stored_without_its_metadata_and_served_as_privately_as_its_post(Provider provider)
    {
        await using var w = await World.CreateAsync(provider);
        var id = (await w.Save.RunAsync(w.Staff2024, null, Input())).PostId!.Value;

        var (refused, why) = await w.AddImage.RunAsync(w.Staff2024, id, TestImages.PdfNamedJpg(), "photo.jpg");
        Assert.Null(refused);
        Assert.Contains("\"photo.jpg\"", why.Error, StringComparison.Ordinal);
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.AddImage.RunAsync(w.Staff2023, id, TestImages.Png(10, 10), "x.png"));

        var (image, result) = await w.AddImage.RunAsync(w.Staff2024, id, TestImages.JpegWithMetadata(2000, 1000), "../../camera/IMG_0001.JPG");
        Assert.True(image is not null, result.Error);
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", image.Name);
        Assert.Equal("IMG_0001.JPG", image.OriginalName);

        // Read back from the database: no EXIF, no GPS.
        var stored = await w.Db.PostImages.AsNoTracking().SingleAsync(i => i.Name == image.Name);
        Assert.Equal(("image/jpeg", 1600, 800), (stored.ContentType, stored.Width, stored.Height));
        var metadata = MetadataExtractor.ImageMetadataReader.ReadMetadata(new MemoryStream(stored.Content));
        Assert.Empty(metadata.OfType<MetadataExtractor.Formats.Exif.GpsDirectory>());
        Assert.Empty(metadata.OfType<MetadataExtractor.Formats.Exif.ExifIfd0Directory>());

        // A draft's image: its writers only, never cached; public (and cacheable) once the post is.
        Assert.Null(await w.GetImage.RunAsync(null, image.Name));
        Assert.Null(await w.GetImage.RunAsync(w.Staff2023, image.Name));
        Assert.False((await w.GetImage.RunAsync(w.Staff2024, image.Name))!.IsPublic);
        await w.Publish.RunAsync(w.Staff2024, id);
        var served = await w.GetImage.RunAsync(null, image.Name);
        Assert.True(served is { IsPublic: true, ContentType: "image/jpeg" });
        Assert.Null(await w.GetImage.RunAsync(null, "0000.jpg"));
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(await w.Db.AuditEntries.AsNoTracking().Where(a => a.EntityId == key).Select(a => a.Action).ToListAsync(), a => a == "PostImageAdded");
    }
}
