using System.Text.Json;
using Tmssw.Core.Data;

namespace Tmssw.Core.Auditing;

/// <summary>Who is acting: a signed-in user, or a named process such as the demo loader or the CLI.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor System(string name) => new(null, name);
}

/// <summary>One field's before and after. Sensitive fields are written as "(changed)", never their values.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Writes audit entries into the same unit of work as the change they describe, so a change and its
/// record are saved (or rolled back) together.
/// </summary>
public sealed class AuditLog(TmsswDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(Actor actor, string action, string entityType, string entityId, IEnumerable<FieldChange>? changes = null) =>
        db.AuditEntries.Add(Entry(actor, action, entityType, entityId, changes));

    /// <summary>The entry <see cref="Record"/> adds, for a caller that saves many at once (the import's batches).</summary>
    public AuditEntry Entry(Actor actor, string action, string entityType, string entityId, IEnumerable<FieldChange>? changes = null)
    {
        var list = changes?.ToList();
        return new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ChangesJson = list is { Count: > 0 }
                ? JsonSerializer.Serialize(list.ToDictionary(c => c.Field, c => new { before = c.Before, after = c.After }), Json)
                : null,
        };
    }

    /// <summary>The fields whose values differ between two snapshots, in the order of <paramref name="after"/>.</summary>
    public static IReadOnlyList<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new List<FieldChange>();
        foreach (var (field, value) in after)
        {
            before.TryGetValue(field, out var old);
            if (!string.Equals(old, value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, old, value));
            }
        }

        foreach (var (field, old) in before)
        {
            if (!after.ContainsKey(field))
            {
                changes.Add(new FieldChange(field, old, null));
            }
        }

        return changes;
    }
}
