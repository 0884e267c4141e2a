using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Tmssw.Testing;

/// <summary>
/// Image files for the upload tests, built byte by byte where the point is what the file carries: a
/// JPEG with an EXIF block (GPS position, orientation), an XMP packet and a comment; a PNG whose header
/// declares enormous dimensions over almost no data; files that are not images at all.
/// </summary>
public static class TestImages
{
    public const string Comment = "secret-comment-from-the-camera";
    public const string XmpMarker = "secret-xmp-creator";

    /// <summary>A JPEG (w × h, a gradient) carrying EXIF IFD0 (orientation), a GPS IFD (38°53′N 77°02′W), XMP and a comment.</summary>
    public static byte[] JpegWithMetadata(int width, int height, ushort orientation = 1)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.DarkBlue, SKColors.Orange], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var exif = Segment(0xE1, [.. "Exif\0\0"u8, .. Tiff(orientation)]);
        var xmp = Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(
            $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmp:CreatorTool=\"{XmpMarker}\"/></rdf:RDF></x:xmpmeta>")]);
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes(Comment));
        return [.. jpeg[..2], .. exif, .. xmp, .. comment, .. jpeg[2..]];
    }

    /// <summary>A small PNG with transparency.</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(new SKColor(200, 30, 30, 128));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> over a few bytes of data: a decompression bomb.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(new byte[64 * 1024]);
        }

        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    public static byte[] PdfNamedJpg() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(document.cookie)</script><rect width=\"100\" height=\"100\" fill=\"red\"/></svg>");

    public static byte[] RandomBytes(int length, int seed = 16)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A little-endian TIFF block: IFD0 (Orientation, GPSInfo pointer) and a GPS IFD with latitude and longitude.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var b = new byte[8 + 2 + (2 * 12) + 4 + 2 + (4 * 12) + 4 + (6 * 8)];
        var s = b.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        const int ifd0 = 8;
        const int gps = ifd0 + 2 + (2 * 12) + 4;
        const int rationals = gps + 2 + (4 * 12) + 4;
        BinaryPrimitives.WriteUInt16LittleEndian(s[ifd0..], 2);
        Entry(s, ifd0 + 2, 0x0112, 3, 1, orientation);
        Entry(s, ifd0 + 14, 0x8825, 4, 1, gps);
        BinaryPrimitives.WriteUInt16LittleEndian(s[gps..], 4);
        Entry(s, gps + 2, 0x0001, 2, 2, 'N');
        Entry(s, gps + 14, 0x0002, 5, 3, rationals);
        Entry(s, gps + 26, 0x0003, 2, 2, 'W');
        Entry(s, gps + 38, 0x0004, 5, 3, rationals + 24);
        uint[] values = [38, 1, 53, 1, 23, 1, 77, 1, 2, 1, 11, 1];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(rationals + (4 * i))..], values[i]);
        }

        return b;
    }

    private static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8)..], value);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
