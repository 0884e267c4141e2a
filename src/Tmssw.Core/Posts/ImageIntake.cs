using SkiaSharp;

namespace Tmssw.Core.Posts;

/// <summary>The bounds an uploaded image must keep: file size, pixel dimensions (read from the header, before decoding) and the width it is resized to.</summary>
public sealed record ImageLimits(long MaxBytes = 10 * 1024 * 1024, int MaxSide = 10_000, long MaxPixels = 40_000_000, int MaxWidth = 1600)
{
    public static readonly ImageLimits Default = new();
}

/// <summary>An image as stored: re-encoded pixels, no metadata, its content type from the decoded format.</summary>
public sealed record ProcessedImage(byte[] Content, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Turns uploaded bytes into an image safe to publish, or says why not. The file is an image only if
/// SkiaSharp's decoder recognizes it (JPEG, PNG, WebP or GIF; never by name or declared type); its
/// dimensions are read from the header and refused when too large before any pixel is decoded (a
/// decompression bomb costs nothing); a JPEG much wider than needed is decoded at a reduced scale. The
/// pixels are turned upright (EXIF orientation), converted to sRGB, resized to at most
/// <see cref="ImageLimits.MaxWidth"/> and re-encoded from scratch with no colour profile, so nothing of
/// the original file's metadata (EXIF and GPS, XMP, ICC profile, comments) survives. A GIF becomes a
/// PNG of its first frame.
/// </summary>
public static class ImageIntake
{
    private static readonly string[] Accepted = ["JPEG", "PNG", "WebP", "GIF"];

    public static (ProcessedImage? Image, string? Error) Process(byte[] data, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        if (data.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (data.Length > limits.MaxBytes)
        {
            return (null, $"The file has {data.Length / 1024.0 / 1024.0:0.#} MB; an image may have at most {limits.MaxBytes / 1024 / 1024} MB.");
        }

        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded);
        if (codec is null)
        {
            return (null, $"The file is not an image this site accepts ({string.Join(", ", Accepted)}).");
        }

        var (format, contentType, extension) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "image/jpeg", "jpg"),
            SKEncodedImageFormat.Png => (SKEncodedImageFormat.Png, "image/png", "png"),
            SKEncodedImageFormat.Gif => (SKEncodedImageFormat.Png, "image/png", "png"),
            SKEncodedImageFormat.Webp => (SKEncodedImageFormat.Webp, "image/webp", "webp"),
            _ => (SKEncodedImageFormat.Bmp, "", ""),
        };
        if (contentType.Length == 0)
        {
            return (null, $"{codec.EncodedFormat} images are not accepted; use {string.Join(", ", Accepted)}.");
        }

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0 || width > limits.MaxSide || height > limits.MaxSide || (long)width * height > limits.MaxPixels)
        {
            return (null, $"The image is {width:N0} × {height:N0} pixels; at most {limits.MaxSide:N0} pixels a side and {limits.MaxPixels / 1_000_000} megapixels.");
        }

        // A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size: take the smallest that is still wide enough.
        var decodeSize = new SKSizeI(width, height);
        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg && width > limits.MaxWidth)
        {
            foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
            {
                var scaled = codec.GetScaledDimensions(scale);
                if (scaled.Width >= limits.MaxWidth && scaled.Width < width)
                {
                    decodeSize = scaled;
                    break;
                }
            }
        }

        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888,
            opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return (null, $"The image could not be read whole ({result}); the file may be damaged.");
        }

        return (Encode(decoded, codec.EncodedOrigin, limits.MaxWidth, format, contentType, extension, opaque), null);
    }

    private static ProcessedImage Encode(SKBitmap decoded, SKEncodedOrigin origin, int maxWidth, SKEncodedImageFormat format, string contentType, string extension, bool opaque)
    {
        // Upright dimensions: origins 5 to 8 swap width and height.
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = swap ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var outWidth = Math.Min(uprightWidth, maxWidth);
        var outHeight = Math.Max(1, (int)Math.Round(uprightHeight * (double)outWidth / uprightWidth));

        // No colour space on the target: the encoders then write no ICC profile.
        var outInfo = new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, null);
        using var target = new SKBitmap(outInfo);
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale(outWidth / (float)uprightWidth, outHeight / (float)uprightHeight);
            canvas.Concat(OriginMatrix(origin, decoded.Width, decoded.Height));
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using var data = target.Encode(format, 85);
        return new ProcessedImage(data.ToArray(), contentType, extension, outWidth, outHeight);
    }

    /// <summary>Maps the stored pixels (w × h) to the upright picture, per the EXIF orientation.</summary>
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
