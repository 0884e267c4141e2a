namespace Tmssw.Core.Backup;

/// <summary>What a backup file is: an SQLite database file, or a PostgreSQL custom-format dump (<c>pg_dump -Fc</c>).</summary>
public enum BackupFormat
{
    Unknown,
    Sqlite,
    PostgresDump,
}

public static class BackupFiles
{
    /// <summary>Reads the file's first bytes: "SQLite format 3\0" or "PGDMP".</summary>
    public static BackupFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[16];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head[..read];
        if (start.StartsWith("SQLite format 3\0"u8))
        {
            return BackupFormat.Sqlite;
        }

        return start.StartsWith("PGDMP"u8) ? BackupFormat.PostgresDump : BackupFormat.Unknown;
    }

    /// <summary>The sentence every backup and restore prints about the key ring (docs/operations.md says the same).</summary>
    public static string KeyRingNote(string certificatePath) =>
        $"The key ring inside is encrypted with the certificate {certificatePath}, which is NOT in the backup: keep a copy of it apart from the backups; without it the sensitive fields cannot be read.";
}
