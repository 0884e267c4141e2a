namespace Tmssw.Core.Jobs;

/// <summary>
/// A file a person uploaded, kept in the database between an import's preview and its commit so any
/// app instance can use it; removed after the commit and expired after an hour.
/// </summary>
public sealed class StoredUpload
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string? Sheet { get; set; }
    public byte[] Content { get; set; } = [];

    /// <summary>Content's length, so the caps are summed without reading the files.</summary>
    public long Size { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
