using System.Collections.Concurrent;

namespace Tmssw.Web.Shared;

/// <summary>A file a person uploaded, kept between its preview and its commit.</summary>
public sealed record Upload(Guid Id, string OwnerUserId, string FileName, string? Sheet, byte[] Content, DateTimeOffset At);

/// <summary>
/// Keeps uploaded files in memory for an hour so an import can be previewed, adjusted and then
/// committed without uploading again. Only the person who uploaded a file can use it. With several
/// app instances the preview and commit must reach the same instance (sticky sessions; see
/// docs/operations.md).
/// </summary>
public sealed class UploadStore(TimeProvider clock)
{
    /// <summary>The reader's own bound (<see cref="Tmssw.Core.Tabular.TabularLimits"/>): a larger upload is refused before it is read.</summary>
    public const int MaxBytes = Tmssw.Core.Tabular.TabularLimits.DefaultMaxFileBytes;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, Upload> uploads = new();

    public Upload Put(string ownerUserId, string fileName, string? sheet, byte[] content)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, old) in uploads)
        {
            if (now - old.At > Lifetime)
            {
                uploads.TryRemove(id, out _);
            }
        }

        var upload = new Upload(Guid.NewGuid(), ownerUserId, fileName, sheet, content, now);
        uploads[upload.Id] = upload;
        return upload;
    }

    public Upload? Get(Guid id, string ownerUserId) =>
        uploads.TryGetValue(id, out var u) && u.OwnerUserId == ownerUserId && clock.GetUtcNow() - u.At <= Lifetime ? u : null;

    public void Remove(Guid id) => uploads.TryRemove(id, out _);
}
