namespace Tmssw.Core.Auditing;

/// <summary>Who did what to which record, when, with the field-by-field before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>e.g. Created, Updated, StatusChanged, Revealed, Deleted, SignedIn.</summary>
    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>JSON object: field → { before, after }. Sensitive values are never written here.</summary>
    public string? ChangesJson { get; set; }
}
