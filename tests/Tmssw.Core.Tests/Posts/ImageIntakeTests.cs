using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;
using Tmssw.Core.Posts;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Posts;

/// <summary>
/// Uploaded images: only what decodes as JPEG, PNG, WebP or GIF is accepted; the size is bounded in
/// bytes and in header-declared pixels (refused before decoding); the stored image is re-encoded with
/// no metadata, read back by MetadataExtractor (a reader that is not the writer).
/// </summary>
public sealed class ImageIntakeTests
{
    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "a PDF renamed .jpg", TestImages.PdfNamedJpg() },
        { "random bytes", TestImages.RandomBytes(50_000) },
        { "an SVG with a script", TestImages.SvgWithScript() },
        { "a JPEG's first 200 bytes", TestImages.JpegWithMetadata(400, 300)[..200] },
        { "an HTML page", "<html><script>alert(1)</script></html>"u8.ToArray() },
    };

    [Theory, MemberData(nameof(NotImages))]
    public void What_does_not_decode_as_an_image_is_refused_whatever_its_name(string what, byte[] bytes)
    {
        var (image, error) = ImageIntake.Process(bytes);
        Assert.True(image is null, $"{what} was accepted");
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void An_empty_or_too_large_file_is_refused_before_it_is_read()
    {
        Assert.Equal("The file is empty.", ImageIntake.Process([]).Error);
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        var (image, error) = ImageIntake.Process(tooLarge);
        Assert.Null(image);
        Assert.Contains("at most 10 MB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PNG_declaring_50000_by_50000_pixels_is_refused_from_its_header()
    {
        var bomb = TestImages.PngDeclaring(50_000, 50_000);
        Assert.True(bomb.Length < 2_000, $"the bomb file has {bomb.Length} bytes");
        using (var codec = SKCodec.Create(SKData.CreateCopy(bomb)))
        {
            // The fixture is a real PNG header (the refusal below is about size, not a broken file).
            Assert.NotNull(codec);
            Assert.Equal(50_000, codec.Info.Width);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (image, error) = ImageIntake.Process(bomb);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Null(image);
        Assert.Contains("50,000 × 50,000 pixels", error, StringComparison.Ordinal);
        Assert.True(allocated < 50_000_000, $"{allocated:N0} bytes allocated to refuse a bomb"); // 10 GB if decoded
    }

    [Fact]
    public void A_JPEG_with_EXIF_GPS_XMP_and_a_comment_is_stored_without_any_of_them_resized_to_1600_pixels()
    {
        var original = TestImages.JpegWithMetadata(2400, 1200);
        var source = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        // The fixture does carry what must go.
        var gps = Assert.Single(source.OfType<GpsDirectory>());
        Assert.NotNull(gps.GetGeoLocation());
        Assert.Contains(source, d => d is ExifIfd0Directory);
        Assert.Contains(source, d => d is XmpDirectory);
        Assert.Contains(source, d => d is JpegCommentDirectory);

        var (image, error) = ImageIntake.Process(original);
        Assert.True(image is not null, error);
        Assert.Equal(("image/jpeg", "jpg", 1600, 800), (image.ContentType, image.Extension, image.Width, image.Height));

        var stored = ImageMetadataReader.ReadMetadata(new MemoryStream(image.Content));
        Assert.Empty(stored.OfType<GpsDirectory>());
        Assert.Empty(stored.OfType<ExifIfd0Directory>());
        Assert.Empty(stored.OfType<ExifSubIfdDirectory>());
        Assert.Empty(stored.OfType<XmpDirectory>());
        Assert.Empty(stored.OfType<IccDirectory>());
        Assert.Empty(stored.OfType<JpegCommentDirectory>());
        var header = Assert.Single(stored.OfType<JpegDirectory>());
        Assert.Equal(1600, header.GetImageWidth());
        Assert.DoesNotContain(TestImages.Comment, System.Text.Encoding.Latin1.GetString(image.Content), StringComparison.Ordinal);
        Assert.DoesNotContain(TestImages.XmpMarker, System.Text.Encoding.Latin1.GetString(image.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void The_EXIF_orientation_is_applied_to_the_pixels_before_the_tag_is_dropped()
    {
        // Orientation 6: stored 400 × 200, shown rotated a quarter turn clockwise, 200 × 400.
        var (image, error) = ImageIntake.Process(TestImages.JpegWithMetadata(400, 200, orientation: 6));
        Assert.True(image is not null, error);
        Assert.Equal((200, 400), (image.Width, image.Height));
        using var codec = SKCodec.Create(SKData.CreateCopy(image.Content));
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal((200, 400), (codec.Info.Width, codec.Info.Height));
    }

    [Fact]
    public void A_PNG_stays_a_PNG_with_its_transparency_and_a_small_image_keeps_its_size()
    {
        var (image, error) = ImageIntake.Process(TestImages.Png(120, 80));
        Assert.True(image is not null, error);
        Assert.Equal(("image/png", 120, 80), (image.ContentType, image.Width, image.Height));
        using var codec = SKCodec.Create(SKData.CreateCopy(image.Content));
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        Assert.NotEqual(SKAlphaType.Opaque, codec.Info.AlphaType);
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(image.Content)).OfType<IccDirectory>());
    }
}
