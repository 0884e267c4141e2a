using System.Globalization;

namespace Tmssw.Core.Tabular;

/// <summary>
/// Reads an outside file (CSV or XLSX) into a <see cref="TabularSheet"/> within <see cref="TabularLimits"/>.
/// Never throws for bad input: a file that cannot be read is a <see cref="TabularError"/>.
/// </summary>
public static class TabularFile
{
    /// <summary>XLSX when the bytes are a ZIP package (or the name says .xlsx), CSV otherwise.</summary>
    public static TabularRead Read(byte[] bytes, string fileName, string? sheet = null, TabularLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        limits ??= TabularLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return TabularRead.Fail(TabularErrorKind.TooLarge, TooLargeMessage(bytes.Length, limits));
        }

        try
        {
            var isZip = bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
            if (isZip || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return XlsxTable.Read(bytes, sheet, limits);
            }

            if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) || (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF))
            {
                return TabularRead.Fail(TabularErrorKind.Unsupported, "This is an old Excel 97–2003 (.xls) file: save it as .xlsx or .csv and import that.");
            }

            if (sheet is not null)
            {
                return TabularRead.Fail(TabularErrorKind.NoSuchSheet, $"A sheet name (\"{sheet}\") is for XLSX workbooks; {fileName} is read as CSV.");
            }

            return CsvTable.Read(bytes, limits);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The readers turn every known failure into an error themselves; this is the last guard.
            return TabularRead.Fail(TabularErrorKind.Malformed, $"The file cannot be read ({e.GetType().Name}: {e.Message}).");
        }
    }

    /// <summary>"The file is 25 MB; at most 20 MB can be read."</summary>
    public static string TooLargeMessage(long size, TabularLimits? limits = null)
    {
        limits ??= TabularLimits.Default;
        return $"The file is {Megabytes(size)}; at most {Megabytes(limits.MaxFileBytes)} can be read at once.";
    }

    internal static string Megabytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 10 * 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => Count(bytes) + " bytes",
    };

    internal static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
