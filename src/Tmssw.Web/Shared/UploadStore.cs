using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Jobs;

namespace Tmssw.Web.Shared;

/// <summary>A file a person uploaded, kept between its preview and its commit.</summary>
public sealed record Upload(Guid Id, string OwnerUserId, string FileName, string? Sheet, byte[] Content, DateTimeOffset At);

/// <summary>How much the uploads may hold: per person and in total (<c>Uploads:MaxBytesPerPerson</c>, <c>Uploads:MaxBytesTotal</c>).</summary>
public sealed record UploadLimits(long MaxBytesPerPerson, long MaxBytesTotal)
{
    public static UploadLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Uploads:MaxBytesPerPerson", 3L * UploadStore.MaxBytes),
        configuration.GetValue("Uploads:MaxBytesTotal", 200L * 1024 * 1024));
}

/// <summary>
/// Keeps uploaded files in the database for an hour so an import can be previewed, adjusted and then
/// committed without uploading again, on whichever instance the next request reaches. Only the person
/// who uploaded a file can use it; it is removed after its commit, and expired files are deleted on
/// the next upload and by the housekeeping job. Each person, and everyone together, has a cap.
/// </summary>
public sealed class UploadStore(TmsswDbContext db, UploadLimits limits, TimeProvider clock)
{
    /// <summary>The reader's own bound (<see cref="Tmssw.Core.Tabular.TabularLimits"/>): a larger upload is refused before it is read.</summary>
    public const int MaxBytes = Tmssw.Core.Tabular.TabularLimits.DefaultMaxFileBytes;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>The stored upload, or why it was refused (a cap reached), in words.</summary>
    public async Task<(Upload? Upload, string? Error)> PutAsync(string ownerUserId, string fileName, string? sheet, byte[] content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await RemoveExpiredAsync(cancellationToken);
        var mine = await db.Uploads.Where(u => u.OwnerUserId == ownerUserId).SumAsync(u => (long?)u.Size, cancellationToken) ?? 0;
        if (mine + content.Length > limits.MaxBytesPerPerson)
        {
            return (null, $"Your uploads waiting to be imported already hold {Megabytes(mine)}; with this file ({Megabytes(content.Length)}) they would pass your limit of {Megabytes(limits.MaxBytesPerPerson)}. Commit or wait for them to expire (an hour after upload), then upload again.");
        }

        var all = await db.Uploads.SumAsync(u => (long?)u.Size, cancellationToken) ?? 0;
        if (all + content.Length > limits.MaxBytesTotal)
        {
            return (null, $"The server holds too many uploaded files waiting to be imported ({Megabytes(all)} of {Megabytes(limits.MaxBytesTotal)}). Try again later: files expire an hour after upload.");
        }

        var stored = new StoredUpload
        {
            Id = Guid.NewGuid(),
            OwnerUserId = ownerUserId,
            FileName = fileName.Length > 260 ? fileName[..260] : fileName,
            Sheet = sheet is { Length: > 100 } ? sheet[..100] : sheet,
            Content = content,
            Size = content.Length,
            CreatedAt = now,
        };
        db.Uploads.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(stored).State = EntityState.Detached;
        return (ToUpload(stored), null);
    }

    public async Task<Upload?> GetAsync(Guid id, string ownerUserId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Lifetime;
        var stored = await db.Uploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == id && u.OwnerUserId == ownerUserId && u.CreatedAt >= since, cancellationToken);
        return stored is null ? null : ToUpload(stored);
    }

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        db.Uploads.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes the files older than an hour; returns how many.</summary>
    public Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Lifetime;
        return db.Uploads.Where(u => u.CreatedAt < since).ExecuteDeleteAsync(cancellationToken);
    }

    private static Upload ToUpload(StoredUpload u) => new(u.Id, u.OwnerUserId, u.FileName, u.Sheet, u.Content, u.CreatedAt);

    private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}
