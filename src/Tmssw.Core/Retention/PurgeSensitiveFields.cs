using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Retention;

/// <summary>One edition whose participants' sensitive fields are (or would be) purged.</summary>
public sealed record RetentionEdition(int Year, string Title, DateOnly EndedOn, int Participants, IReadOnlyList<string> Fields);

public sealed record RetentionReport(bool DryRun, DateOnly Today, int Months, IReadOnlyList<RetentionEdition> Editions);

/// <summary>
/// Purges participants' sensitive fields (passport number, date of birth, personal e-mail and phone:
/// the ones <see cref="Participants.SensitiveFields"/> encrypts) once their edition ended more than
/// <see cref="RetentionSettings.Months"/> ago, writing one audit entry per edition in the same
/// transaction. A dry run lists what would go and changes nothing. Admin only; the scheduled job and
/// <c>tmssw retention run</c> call it.
/// </summary>
public sealed class PurgeSensitiveFields(TmsswDbContext db, AuditLog audit, RetentionSettings settings, TimeProvider clock)
{
    public const string AuditAction = "RetentionPurge";

    public async Task<RetentionReport> RunAsync(UserScope scope, bool dryRun, CancellationToken cancellationToken = default)
    {
        if (!scope.MayRunRetention)
        {
            throw new OutOfScopeException("retention");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var endedBefore = today.AddMonths(-settings.Months);
        var editions = await db.Editions.AsNoTracking()
            .Where(e => e.EndDate != null && e.EndDate < endedBefore)
            .OrderBy(e => e.Year)
            .Select(e => new { e.Id, e.Year, e.Title, EndDate = e.EndDate!.Value })
            .ToListAsync(cancellationToken);

        var found = new List<RetentionEdition>();
        foreach (var edition in editions)
        {
            var holding = db.Participants.Where(p => p.EditionId == edition.Id && (p.PassportNumberProtected != null
                || p.DateOfBirthProtected != null || p.PersonalEmailProtected != null || p.PersonalPhoneProtected != null));
            var counts = await holding.GroupBy(_ => 1).Select(g => new
            {
                People = g.Count(),
                Passport = g.Count(p => p.PassportNumberProtected != null),
                Birth = g.Count(p => p.DateOfBirthProtected != null),
                Email = g.Count(p => p.PersonalEmailProtected != null),
                Phone = g.Count(p => p.PersonalPhoneProtected != null),
            }).FirstOrDefaultAsync(cancellationToken);
            if (counts is null)
            {
                continue;
            }

            var fields = new List<string>();
            AddIf(fields, counts.Passport, "passport number");
            AddIf(fields, counts.Birth, "date of birth");
            AddIf(fields, counts.Email, "personal e-mail");
            AddIf(fields, counts.Phone, "personal phone");
            var item = new RetentionEdition(edition.Year, edition.Title, edition.EndDate, counts.People, fields);
            found.Add(item);
            if (dryRun)
            {
                continue;
            }

            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await holding.ExecuteUpdateAsync(s => s
                .SetProperty(p => p.PassportNumberProtected, (string?)null)
                .SetProperty(p => p.DateOfBirthProtected, (string?)null)
                .SetProperty(p => p.PersonalEmailProtected, (string?)null)
                .SetProperty(p => p.PersonalPhoneProtected, (string?)null), cancellationToken);
            audit.Record(scope.Actor, AuditAction, "Edition", edition.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                new FieldChange("Ended", null, edition.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                new FieldChange("RetentionMonths", null, settings.Months.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new FieldChange("ParticipantsPurged", null, counts.People.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new FieldChange("Fields", null, string.Join(", ", fields)),
            ]);
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        return new RetentionReport(dryRun, today, settings.Months, found);
    }

    private static void AddIf(List<string> fields, int count, string name)
    {
        if (count > 0)
        {
            fields.Add($"{name} ({count})");
        }
    }
}
