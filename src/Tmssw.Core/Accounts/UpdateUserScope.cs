using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Accounts;

public sealed record UserScopeChange(string? Country, string? CityId, int? GroupId, int? ParticipantId, IReadOnlyList<int> EditionYears, bool Locked);

/// <summary>An Admin changes a user's scope, edition assignments or lock; every field change is audited. A lock revokes the account's API tokens.</summary>
public sealed class UpdateUserScope(UserManager<AppUser> users, TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> RunAsync(string userId, UserScopeChange change, Actor by, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return ["No such user."];
        }

        var errors = new List<string>();
        var country = string.IsNullOrWhiteSpace(change.Country) ? null : Countries.Resolve(change.Country);
        if (!string.IsNullOrWhiteSpace(change.Country) && country is null)
        {
            errors.Add($"Unknown country '{change.Country}'.");
        }

        if (change.CityId is { Length: > 0 } city && !await db.Cities.AnyAsync(c => c.Id == city, cancellationToken))
        {
            errors.Add($"Unknown city '{city}'.");
        }

        if (change.GroupId is { } g && !await db.Groups.AnyAsync(x => x.Id == g, cancellationToken))
        {
            errors.Add($"No group {g}.");
        }

        if (change.ParticipantId is { } p && !await db.Participants.AnyAsync(x => x.Id == p, cancellationToken))
        {
            errors.Add($"No participant {p}.");
        }

        var editions = await db.Editions.Where(e => change.EditionYears.Contains(e.Year)).Select(e => new { e.Id, e.Year }).ToListAsync(cancellationToken);
        foreach (var year in change.EditionYears.Except(editions.Select(e => e.Year)))
        {
            errors.Add($"No edition {year}.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var before = Snapshot(user, await YearsAsync(user, cancellationToken));
        user.Country = country?.Alpha2;
        user.CityId = string.IsNullOrWhiteSpace(change.CityId) ? null : change.CityId;
        user.GroupId = change.GroupId;
        user.ParticipantId = change.ParticipantId;
        user.EditionAssignments.Clear();
        user.EditionAssignments.AddRange(editions.Select(e => new StaffAssignment { UserId = user.Id, EditionId = e.Id }));
        var wasLocked = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        user.LockoutEnd = change.Locked ? DateTimeOffset.MaxValue : null;
        if (change.Locked && !wasLocked)
        {
            // A lock ends everything at once: the new security stamp ends cookie sessions on their next
            // request (Web/Security/SessionCheck.cs), and the API tokens are revoked.
            await RevokeAccountTokens.RevokeAsync(db, audit, by, user.Id, RevokeAccountTokens.AccountLocked, clock.GetUtcNow(), cancellationToken);
        }

        await users.UpdateSecurityStampAsync(user);
        var after = Snapshot(user, editions.Select(e => e.Year).OrderBy(y => y).ToList());
        audit.Record(by, "ScopeChanged", "Account", user.Id, AuditLog.Diff(before, after));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private async Task<List<int>> YearsAsync(AppUser user, CancellationToken cancellationToken)
    {
        var ids = user.EditionAssignments.Select(a => a.EditionId).ToList();
        return await db.Editions.Where(e => ids.Contains(e.Id)).Select(e => e.Year).OrderBy(y => y).ToListAsync(cancellationToken);
    }

    private static Dictionary<string, string?> Snapshot(AppUser u, IReadOnlyList<int> years) => new()
    {
        ["Country"] = u.Country,
        ["CityId"] = u.CityId,
        ["GroupId"] = u.GroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ParticipantId"] = u.ParticipantId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Editions"] = string.Join(", ", years),
        ["Locked"] = (u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow).ToString(),
    };
}
