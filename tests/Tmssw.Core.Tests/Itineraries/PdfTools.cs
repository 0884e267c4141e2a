using System.Diagnostics;
using System.Text;

namespace Tmssw.Core.Tests.Itineraries;

/// <summary>Poppler's command-line tools (Debian poppler-utils, installed by test.sh): readers that are not the writer.</summary>
internal static class PdfTools
{
    /// <summary>The text of a PDF as pdftotext reads it, NFKC-normalized (Arabic presentation forms become letters).</summary>
    public static string Text(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("tmssw-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftotext", "-enc", "UTF-8", file, Path.Combine(dir.FullName, "out.txt"));
            return File.ReadAllText(Path.Combine(dir.FullName, "out.txt"), Encoding.UTF8).Normalize(NormalizationForm.FormKC);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Each page rendered by pdftoppm as an 8-bit grey image: (width, height, pixels).</summary>
    public static List<(int Width, int Height, byte[] Pixels)> GreyPages(byte[] pdf, int dpi)
    {
        var dir = Directory.CreateTempSubdirectory("tmssw-ppm-");
        try
        {
            var file = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(file, pdf);
            Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", file, Path.Combine(dir.FullName, "page"));
            return Directory.GetFiles(dir.FullName, "page*.pgm").Order(StringComparer.Ordinal).Select(ReadPgm).ToList();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A word found in reading order or, for right-to-left text a reader stored visually, reversed.</summary>
    public static bool HasWord(string text, string word)
    {
        var normalized = word.Normalize(NormalizationForm.FormKC);
        var reversed = new string(normalized.Reverse().ToArray());
        return text.Contains(normalized, StringComparison.Ordinal) || text.Contains(reversed, StringComparison.Ordinal);
    }

    private static (int, int, byte[]) ReadPgm(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos]) || bytes[pos] == '#')
            {
                if (bytes[pos] == '#')
                {
                    while (bytes[pos] != '\n')
                    {
                        pos++;
                    }
                }

                pos++;
            }

            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos]))
            {
                pos++;
            }

            return Encoding.ASCII.GetString(bytes, start, pos - start);
        }

        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        pos++;
        return (width, height, bytes.AsSpan(pos, width * height).ToArray());
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}
