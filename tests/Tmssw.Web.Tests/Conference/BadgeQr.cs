using System.Diagnostics;
using System.Globalization;
using System.Text;
using ZXing;
using ZXing.Common;

namespace Tmssw.Web.Tests.Conference;

/// <summary>The QR codes of a badge PDF as a reader that is not the writer sees them: pages rendered by poppler's pdftoppm, decoded by ZXing.Net.</summary>
internal static class BadgeQr
{
    public static List<string> Decode(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("tmssw-qr-");
        try
        {
            var file = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(file, pdf);
            var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var a in new[] { "-r", "150", "-gray", "-f", "1", "-l", "1", file, Path.Combine(dir.FullName, "page") })
            {
                info.ArgumentList.Add(a);
            }

            using (var process = Process.Start(info)!)
            {
                process.WaitForExit(60_000);
                Assert.True(process.ExitCode == 0, "pdftoppm failed: " + process.StandardError.ReadToEnd());
            }

            var decoded = new List<string>();
            foreach (var page in Directory.GetFiles(dir.FullName, "page*.pgm").Order(StringComparer.Ordinal))
            {
                var (width, height, pixels) = ReadPgm(File.ReadAllBytes(page));
                var reader = new BarcodeReaderGeneric
                {
                    AutoRotate = false,
                    Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
                };
                decoded.AddRange(reader.DecodeMultiple(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8))?.Select(r => r.Text) ?? []);
            }

            return decoded;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int, int, byte[]) ReadPgm(byte[] bytes)
    {
        // "P5\n<width> <height>\n255\n" then the pixels.
        var header = new List<string>();
        var pos = 0;
        while (header.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            header.Add(Encoding.ASCII.GetString(bytes, start, pos - start));
        }

        pos++;
        var width = int.Parse(header[1], CultureInfo.InvariantCulture);
        var height = int.Parse(header[2], CultureInfo.InvariantCulture);
        return (width, height, bytes[pos..(pos + (width * height))]);
    }
}
