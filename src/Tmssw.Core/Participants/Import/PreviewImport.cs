using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants.Import;

/// <summary>
/// What importing a nominations file would do, row by row, without changing any participant: Added,
/// Updated, Skipped or Invalid, with errors, warnings and the participant a duplicate row matches
/// (only a "possible duplicate" when the match rests on a field the caller may not see). A preview
/// that matched a row through a passport number or a date of birth leaves an audit entry.
/// Throws <see cref="UnreadableFileException"/> when the file cannot be read at all.
/// </summary>
public sealed class PreviewImport(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit, TimeProvider clock)
{
    public async Task<ImportPreview> RunAsync(UserScope scope, ImportSource source, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = await new ImportPlanner(db, sensitive, clock).PlanAsync(scope, source, options, track: false, progress, cancellationToken);
        if (plan.SensitiveMatches.Count > 0)
        {
            ImportPlanner.RecordSensitiveMatches(audit, scope.Actor, plan, source.FileName, "preview");
            await db.SaveChangesAsync(cancellationToken);
        }

        return plan.Preview;
    }
}
