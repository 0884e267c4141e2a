using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Splits;

/// <summary>What changed: a participant withdrew (with the reason) or a city dropped out.</summary>
public sealed record Withdrawal(int? ParticipantId = null, string? Reason = null, string? CityId = null);

public sealed record ReplanOutcome(string? Error, SplitRunOutcome? Run = null, IReadOnlyList<SplitMove>? Moves = null)
{
    public bool Succeeded => Error is null && Run?.Plan is not null;
}

/// <summary>
/// A participant withdraws or a city drops out: records it (status change, or the city removed from the
/// split settings; audited), then re-solves with the published plan as <c>previous</c>, so only people whose
/// move gains more than the change weight move. The new version is a draft; staff publish it.
/// </summary>
public sealed class ReplanAfterWithdrawal(TmsswDbContext db, SplitSettingsStore settings, RunSplit run, AuditLog audit, TimeProvider clock)
{
    public async Task<ReplanOutcome> RunAsync(UserScope scope, int editionId, Withdrawal withdrawal, RunSplitOptions? options = null, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var published = await db.SplitPlans.AsNoTracking().Include(p => p.Assignments).FirstOrDefaultAsync(p => p.EditionId == editionId && p.IsPublished, cancellationToken);
        if (published is null)
        {
            return new ReplanOutcome("No split is published yet: run the planner instead.");
        }

        if (withdrawal.ParticipantId is { } pid)
        {
            var p = await db.Participants.Include(x => x.History).FirstOrDefaultAsync(x => x.Id == pid && x.EditionId == editionId, cancellationToken);
            if (p is null)
            {
                return new ReplanOutcome($"There is no participant {pid} in this edition.");
            }

            if (p.Status != NominationStatus.Withdrawn)
            {
                var from = p.Status;
                var changed = p.ChangeStatus(NominationStatus.Withdrawn, actor.Name, withdrawal.Reason, clock.GetUtcNow());
                if (!changed.Succeeded)
                {
                    return new ReplanOutcome(changed.Error);
                }

                audit.Record(actor, "StatusChanged", nameof(Participant), p.Id.ToString(CultureInfo.InvariantCulture),
                    [new("Status", from.ToString(), p.Status.ToString()), new("Reason", null, withdrawal.Reason)]);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        else if (withdrawal.CityId is { } cityId)
        {
            var data = await settings.LoadAsync(editionId, cancellationToken);
            if (data.Cities.RemoveAll(c => c.CityId == cityId) == 0)
            {
                return new ReplanOutcome($"{cityId} is not a split city of this edition.");
            }

            var errors = await settings.SaveAsync(scope, editionId, data, cancellationToken);
            if (errors.Count > 0)
            {
                return new ReplanOutcome(string.Join(" ", errors.Values));
            }
        }
        else
        {
            return new ReplanOutcome("Name the participant who withdraws or the city that drops out.");
        }

        var outcome = await run.RunAsync(scope, editionId, (options ?? new RunSplitOptions()) with
        {
            LocksFromVersion = published.Version,
            Name = withdrawal.ParticipantId is { } id ? $"Re-plan after withdrawal of #{id}" : $"Re-plan without {withdrawal.CityId}",
        }, cancellationToken);
        if (outcome.Plan is null)
        {
            return new ReplanOutcome($"No plan: {string.Join("; ", outcome.Result.Conflicts)}", outcome);
        }

        var before = published.Assignments.ToDictionary(a => a.ParticipantId, a => a.CityId);
        var moves = outcome.Plan.Assignments
            .Where(a => before.TryGetValue(a.ParticipantId, out var old) && old != a.CityId)
            .Select(a => new SplitMove(a.ParticipantId, outcome.Build.Participants.First(p => p.Id == a.ParticipantId).FullName, before[a.ParticipantId], a.CityId))
            .ToList();
        return new ReplanOutcome(null, outcome, moves);
    }
}
