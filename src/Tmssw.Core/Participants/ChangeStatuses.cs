using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Participants;

/// <summary>Move one participant, or many at once, to <paramref name="To"/>, with a reason (required for Withdrawn and Declined).</summary>
public sealed record StatusChangeRequest(IReadOnlyList<int> ParticipantIds, NominationStatus To, string? Reason);

/// <summary>Why one participant of the request cannot move.</summary>
public sealed record ParticipantStatusError(int ParticipantId, string? Name, string Message);

/// <summary>Either every participant moved (<see cref="Changed"/>), or none did and <see cref="Errors"/> says why, per participant.</summary>
public sealed record StatusChangeResult(int Changed, IReadOnlyList<ParticipantStatusError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Status changes one by one or in bulk, all or nothing: each recorded in the participant's history
/// (<see cref="Participant.ChangeStatus"/>) and in the audit log. Admins and the edition's Staff move
/// any participant along the lifecycle; a Nominator may only withdraw their own country's nominees
/// while they are still Nominated (vetting and what follows is the program staff's).
/// </summary>
public sealed class ChangeStatuses(TmsswDbContext db, AuditLog audit, TimeProvider clock, Mail.Outbox outbox)
{
    public async Task<StatusChangeResult> RunAsync(UserScope scope, StatusChangeRequest request, CancellationToken cancellationToken = default)
    {
        var actor = scope.Actor;
        var ids = request.ParticipantIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new StatusChangeResult(0, [new ParticipantStatusError(0, null, "Choose at least one participant.")]);
        }

        var found = await scope.Participants(db).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var errors = new List<ParticipantStatusError>();
        var now = clock.GetUtcNow();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var p))
            {
                errors.Add(new ParticipantStatusError(id, null, $"There is no participant #{id} that you may see."));
                continue;
            }

            if (!scope.MayChangeStatus(p, request.To))
            {
                errors.Add(new ParticipantStatusError(id, p.FullName, scope.MayEdit(p)
                    ? $"A nominator may only withdraw a nomination; making it {request.To} is for the program staff."
                    : $"You may not change {p.FullName}'s status: it is {p.Status}, and only the program staff can change it now."));
                continue;
            }

            var before = p.Status;
            var result = p.ChangeStatus(request.To, actor.Name, request.Reason, now);
            if (!result.Succeeded)
            {
                errors.Add(new ParticipantStatusError(id, p.FullName, result.Error!));
                continue;
            }

            var changes = new List<FieldChange> { new("Status", before.ToString(), request.To.ToString()) };
            if (!string.IsNullOrWhiteSpace(request.Reason))
            {
                changes.Add(new FieldChange("Reason", null, request.Reason.Trim()));
            }

            audit.Record(actor, "StatusChanged", nameof(Participant), id.ToString(CultureInfo.InvariantCulture), changes);
        }

        if (errors.Count > 0)
        {
            // All or nothing: forget every change made in memory.
            db.ChangeTracker.Clear();
            return new StatusChangeResult(0, errors);
        }

        await outbox.AddForAsync(ids.Select(id => found[id]), Mail.MailTemplate.StatusChanged, $"status change by {actor.Name}", ct: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new StatusChangeResult(ids.Count, []);
    }
}
