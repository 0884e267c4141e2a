namespace Tmssw.Core.Tabular;

/// <summary>
/// The bounds every outside spreadsheet is read within, checked before and while reading, so that
/// time and memory grow with the data really present (issue 10). A file beyond any of them is
/// refused with a file-level <see cref="TabularError"/> naming the limit.
/// </summary>
public sealed record TabularLimits
{
    /// <summary>20 MB: the largest upload (web page, API, CLI) the reader accepts at all.</summary>
    public const int DefaultMaxFileBytes = 20 * 1024 * 1024;

    public static TabularLimits Default { get; } = new();

    /// <summary>The file's size in bytes, refused before it is read.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The compressed size of one XLSX part (as stored in the zip).</summary>
    public long MaxPartCompressedBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The uncompressed size of one XLSX part, counted while inflating (declared sizes are not trusted).</summary>
    public long MaxPartBytes { get; init; } = 48L * 1024 * 1024;

    /// <summary>
    /// How many times its compressed size one XLSX part may inflate to, once past
    /// <see cref="InflateRatioGraceBytes"/>: spreadsheet XML compresses 5 to 20 times, a zip bomb
    /// hundreds or thousands of times (Apache POI refuses beyond 100 by default, as here). Stops a bomb
    /// after a megabyte or two instead of at <see cref="MaxPartBytes"/>.
    /// </summary>
    public int MaxInflateRatio { get; init; } = 100;

    /// <summary>The bytes a part may inflate to before <see cref="MaxInflateRatio"/> is checked (a small part may compress very well).</summary>
    public long InflateRatioGraceBytes { get; init; } = 1024 * 1024;

    /// <summary>The uncompressed size of all the XLSX parts read, together.</summary>
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>The entries of an XLSX zip.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Rows that hold data.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Columns: a cell holding data beyond it is refused.</summary>
    public int MaxColumns { get; init; } = 200;

    /// <summary>The characters of one field (Excel's own limit for a cell).</summary>
    public int MaxFieldLength { get; init; } = 32_767;

    /// <summary>Cells holding data, merged copies included.</summary>
    public long MaxCells { get; init; } = 4_000_000;

    /// <summary>Merged ranges of a sheet.</summary>
    public int MaxMergedRanges { get; init; } = 100_000;

    /// <summary>Entries of the shared-strings table.</summary>
    public int MaxSharedStrings { get; init; } = 2_000_000;

    /// <summary>Cell styles of the workbook.</summary>
    public int MaxStyles { get; init; } = 100_000;
}
