using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>What can serve an edition's objectives.</summary>
public enum ObjectiveTarget
{
    MeetingOffer,
    ProgramItem,
    ConferenceSession,
}

/// <summary>
/// Staff set which of the edition's objectives a meeting offer, a program item or a conference session
/// serves (the numbers are kept on the target: <c>Objectives</c>). Unknown numbers are refused with the
/// list of the edition's objectives. Audited.
/// </summary>
public sealed class SetObjectiveLinks(TmsswDbContext db, AuditLog audit)
{
    public async Task<Result> RunAsync(UserScope scope, int year, ObjectiveTarget target, int id, IReadOnlyCollection<int> numbers, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null || !scope.MaySetObjectives(edition.Id))
        {
            throw new OutOfScopeException($"edition {year}");
        }

        var known = await db.Objectives.AsNoTracking().Where(o => o.EditionId == edition.Id).Select(o => o.Number).OrderBy(n => n).ToListAsync(ct);
        var unknown = numbers.Where(n => !known.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return Result.Fail(known.Count == 0
                ? $"The {year} edition states no objectives yet."
                : $"Objective {string.Join(", ", unknown)} is not one of the {year} edition's ({string.Join(", ", known)}).");
        }

        List<int> chosen = [.. numbers.Distinct().Order()];
        List<int>? before = null;
        switch (target)
        {
            case ObjectiveTarget.MeetingOffer:
                var offer = await db.MeetingOffers.FirstOrDefaultAsync(o => o.Id == id && o.EditionId == edition.Id, ct);
                if (offer is not null)
                {
                    (before, offer.Objectives) = (offer.Objectives, chosen);
                }

                break;
            case ObjectiveTarget.ProgramItem:
                var item = await db.ProgramItems.FirstOrDefaultAsync(o => o.Id == id && o.EditionId == edition.Id, ct);
                if (item is not null)
                {
                    (before, item.Objectives) = (item.Objectives, chosen);
                }

                break;
            default:
                var session = await db.ConferenceSessions.FirstOrDefaultAsync(o => o.Id == id && o.EditionId == edition.Id, ct);
                if (session is not null)
                {
                    (before, session.Objectives) = (session.Objectives, chosen);
                }

                break;
        }

        if (before is null)
        {
            return Result.Fail($"There is no {target} #{id} in the {year} edition.");
        }

        audit.Record(scope.Actor, "ObjectivesSet", target.ToString(), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("objectives", string.Join(";", before), string.Join(";", chosen))]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }
}
