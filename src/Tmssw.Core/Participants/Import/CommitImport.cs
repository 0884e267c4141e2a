using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants.Import;

/// <summary>
/// Imports a nominations file: plans it again against the database as it is now (the same rules
/// and options as the preview), then adds and updates the rows whose action is Add or Update in one
/// transaction, with a "Nominated" history step for each new participant and an audit entry per
/// participant (field by field). Invalid and skipped rows are left out. A failure anywhere rolls
/// everything back. Throws <see cref="UnreadableFileException"/> when the file cannot be read.
/// </summary>
/// <remarks>
/// Speed (bench/Tmssw.Bench.Import): the existing participants are loaded and decrypted once by the
/// planner; the new rows' sensitive fields are encrypted in parallel; the new participants get their
/// keys reserved up front and go in, batch by batch (<see cref="ImportOptions.BatchSize"/>), with
/// multi-row inserts outside the change tracker, followed by their history steps and audit entries
/// (<see cref="BulkInsert"/>); updated participants are saved through the change tracker.
/// </remarks>
public sealed class CommitImport(TmsswDbContext db, SensitiveFields sensitive, AuditLog audit, TimeProvider clock)
{
    public async Task<ImportResult> RunAsync(UserScope scope, ImportSource source, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var actor = scope.Actor;
        var now = clock.GetUtcNow();

        // The first encryption may create the Data Protection key, which is saved through another
        // connection; on SQLite that would wait for this import's write lock. Make sure it exists first.
        sensitive.Write(new Participant(), new SensitiveValues("key check", null, null, null));
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var plan = await new ImportPlanner(db, sensitive, clock).PlanAsync(scope, source, options, track: true, progress, cancellationToken);
            ImportPlanner.RecordSensitiveMatches(audit, actor, plan, source.FileName, "commit");
            if (plan.Preview.Rejected)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new ImportResult(plan.Preview, [], []);
            }

            var toApply = plan.Rows.Where(r => r.Preview.Action is ImportAction.Add or ImportAction.Update).ToList();
            var keep = new HashSet<object>(toApply.Where(r => r.Target is not null).Select(r => (object)r.Target!), ReferenceEqualityComparer.Instance);

            // Encrypting is the costliest part of a new row and needs nothing else: do it on every core first.
            var adds = toApply.Where(r => r.Preview.Action == ImportAction.Add).ToList();
            progress?.Report(new ImportProgress("encrypting", 0, adds.Count));
            var fresh = new Participant[adds.Count];
            Parallel.For(0, adds.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var values = adds[i].Preview.Values!;
                var p = new Participant { EditionId = plan.Edition!.Id, CreatedAt = now, UpdatedAt = now, Status = NominationStatus.Nominated };
                ParticipantUpdate.Apply(p, values);
                sensitive.Write(p, ParticipantUpdate.Merge(SensitiveValues.None, values));
                fresh[i] = p;
            });

            var keys = await BulkInsert.AllocateKeysAsync<Participant>(db, fresh.Length, cancellationToken);
            for (var i = 0; i < fresh.Length; i++)
            {
                fresh[i].Id = keys[i];
            }

            progress?.Report(new ImportProgress("saving", 0, toApply.Count));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var added = new List<Participant>(adds.Count);
            var pendingAudit = new List<Participant>();
            var updated = new List<int>();
            var applied = 0;
            var nextFresh = 0;
            var batch = Math.Max(1, options.BatchSize);
            var reason = $"Imported from {source.FileName}";
            foreach (var row in toApply)
            {
                var values = row.Preview.Values!;
                if (row.Preview.Action == ImportAction.Add)
                {
                    var p = fresh[nextFresh++];
                    added.Add(p);
                    pendingAudit.Add(p);
                }
                else
                {
                    var p = row.Target!;
                    var before = ParticipantSnapshot.Of(p);
                    ParticipantUpdate.Apply(p, values);
                    WriteChangedSensitive(p, row.TargetSensitive!, ParticipantUpdate.Merge(row.TargetSensitive!, values));
                    p.UpdatedAt = now;
                    db.Entry(p).DetectChanges();
                    audit.Record(actor, "Updated", nameof(Participant), p.Id.ToString(CultureInfo.InvariantCulture), AuditLog.Diff(before, ParticipantSnapshot.Of(p)));
                    updated.Add(p.Id);
                }

                applied++;
                if (applied % batch == 0)
                {
                    await SaveBatchAsync(actor, reason, now, pendingAudit, keep, cancellationToken);
                    progress?.Report(new ImportProgress("saving", applied, toApply.Count));
                }
            }

            await SaveBatchAsync(actor, reason, now, pendingAudit, keep, cancellationToken);
            audit.Record(actor, "Imported", "Edition", plan.Edition!.Year.ToString(CultureInfo.InvariantCulture),
            [
                new FieldChange("File", null, source.FileName),
                new FieldChange("Added", null, added.Count.ToString(CultureInfo.InvariantCulture)),
                new FieldChange("Updated", null, updated.Count.ToString(CultureInfo.InvariantCulture)),
            ]);
            await db.SaveChangesAsync(cancellationToken);
            await FaultPoints.PauseIfAskedAsync(FaultPoints.ImportCommit, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            progress?.Report(new ImportProgress("saving", toApply.Count, toApply.Count));
            db.ChangeTracker.Clear();
            return new ImportResult(plan.Preview, added.Select(p => p.Id).ToList(), updated);
        }
        catch
        {
            // Nothing of a failed import stays: not in the database (the transaction), not in this context.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Saves the batch's updates, then writes its new participants, their history steps and their audit
    /// entries with multi-row inserts in the same transaction.
    /// </summary>
    private async Task SaveBatchAsync(Actor actor, string reason, DateTimeOffset now, List<Participant> pendingAudit, HashSet<object> keep, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (pendingAudit.Count > 0)
        {
            await BulkInsert.InsertAsync(db, pendingAudit, ct, withKeys: true);
            var history = new List<StatusChange>(pendingAudit.Count);
            var entries = new List<AuditEntry>(pendingAudit.Count);
            var empty = new Dictionary<string, string?>();
            foreach (var p in pendingAudit)
            {
                history.Add(new StatusChange
                {
                    ParticipantId = p.Id,
                    From = NominationStatus.Nominated,
                    To = NominationStatus.Nominated,
                    ChangedBy = actor.Name,
                    Reason = reason,
                    ChangedAt = now,
                });
                entries.Add(audit.Entry(actor, "Created", nameof(Participant), p.Id.ToString(CultureInfo.InvariantCulture), AuditLog.Diff(empty, ParticipantSnapshot.Of(p))));
            }

            await BulkInsert.InsertAsync(db, history, ct);
            await BulkInsert.InsertAsync(db, entries, ct);
            pendingAudit.Clear();
        }

        // What is saved need not be tracked any more: keeps each later save short.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && !keep.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Encrypts again only the sensitive fields whose clear value changes; the others keep their ciphertext.</summary>
    private void WriteChangedSensitive(Participant p, SensitiveValues before, SensitiveValues after)
    {
        var fresh = new Participant();
        sensitive.Write(fresh, after);
        if (before.PassportNumber != after.PassportNumber)
        {
            p.PassportNumberProtected = fresh.PassportNumberProtected;
        }

        if (before.DateOfBirth != after.DateOfBirth)
        {
            p.DateOfBirthProtected = fresh.DateOfBirthProtected;
        }

        if (before.PersonalEmail != after.PersonalEmail)
        {
            p.PersonalEmailProtected = fresh.PersonalEmailProtected;
        }

        if (before.PersonalPhone != after.PersonalPhone)
        {
            p.PersonalPhoneProtected = fresh.PersonalPhoneProtected;
        }
    }
}
