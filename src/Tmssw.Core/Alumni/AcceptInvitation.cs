using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>
/// The invited alumnus opens the link and sets a password. The link works once, until it expires: the
/// invitation is claimed by a conditional update (only one of two simultaneous uses wins) before the
/// password is set; an unknown, used or expired link gets one answer.
/// </summary>
public sealed class AcceptInvitation(TmsswDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public const string Invalid = "This invitation link is not valid: it has expired or was already used. Ask the program staff for a new one.";

    /// <summary>Whether a link is still usable (the page shows the form only then).</summary>
    public async Task<bool> IsValidAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow();
        return await db.AlumniInvitations.AnyAsync(i => i.TokenHash == hash && i.UsedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    public async Task<Result> RunAsync(string? token, string? password, CancellationToken cancellationToken = default)
    {
        if (!await IsValidAsync(token, cancellationToken))
        {
            return Result.Fail(Invalid);
        }

        var hash = SecretTokens.Hash(token!);
        var now = clock.GetUtcNow();
        var invitation = await db.AlumniInvitations.AsNoTracking().FirstAsync(i => i.TokenHash == hash, cancellationToken);
        var user = await users.FindByIdAsync(invitation.UserId);
        if (user is null)
        {
            return Result.Fail(Invalid);
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password ?? "");
            if (!check.Succeeded)
            {
                return Result.Fail(string.Join(" ", check.Errors.Select(e => e.Description)));
            }
        }

        var claimed = await db.AlumniInvitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return Result.Fail(Invalid);
        }

        if (user.PasswordHash is not null)
        {
            await users.RemovePasswordAsync(user);
        }

        var result = await users.AddPasswordAsync(user, password!);
        if (!result.Succeeded)
        {
            return Result.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        audit.Record(new Actor(user.Id, user.Email ?? user.Id), "InvitationAccepted", "Alumnus",
            invitation.ParticipantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok;
    }
}
