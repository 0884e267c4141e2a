using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Alumni;

/// <summary>The invitation made: the message waiting in the outbox and (for the caller's tests only) the link's token.</summary>
public sealed record InvitationOutcome(int? OutboxMessageId, string? Token, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Staff invite an alumnus (a Completed participant, typically of an earlier edition) by e-mail: the account
/// is created (Participant role, linked to the record, no password) or the existing one is linked, and a
/// single-use link to set a password (<see cref="SecretTokens"/>, SHA-256 stored, valid
/// <see cref="AlumniRules.InvitationLifetime"/>) goes into the outbox, waiting for a person's approval like
/// every message. A new invitation voids the earlier open ones. Audited without the token.
/// </summary>
public sealed class InviteAlumnus(TmsswDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, Outbox outbox, MailSettings mail, AuditLog audit, TimeProvider clock)
{
    public async Task<InvitationOutcome> RunAsync(UserScope scope, int participantId, string? email, CancellationToken cancellationToken = default)
    {
        if (!scope.MayModerateAlumni)
        {
            throw new OutOfScopeException("alumni invitations");
        }

        var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == participantId, cancellationToken);
        if (p is null)
        {
            return new(null, null, $"There is no participant #{participantId}.");
        }

        if (p.Status != NominationStatus.Completed)
        {
            return new(null, null, $"{p.FullName} is {p.Status}: only participants who completed the program are alumni.");
        }

        var address = (email ?? "").Trim();
        if (address.Length is 0 or > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return new(null, null, address.Length == 0 ? "Give the alumnus's e-mail address." : $"'{(address.Length > 60 ? address[..60] + "…" : address)}' is not an e-mail address.");
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.ParticipantId == participantId, cancellationToken);
        var byEmail = await users.FindByEmailAsync(address);
        if (byEmail is not null && byEmail.Id != user?.Id)
        {
            return new(null, null, $"{address} already belongs to another account.");
        }

        if (user is null)
        {
            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = p.FullName, ParticipantId = p.Id };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new(null, null, string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            if (!await roles.RoleExistsAsync(Roles.Participant))
            {
                await roles.CreateAsync(new IdentityRole(Roles.Participant));
            }

            await users.AddToRoleAsync(user, Roles.Participant);
        }
        else if (!await users.IsInRoleAsync(user, Roles.Participant))
        {
            return new(null, null, "The account linked to this participant is not a Participant account.");
        }

        var now = clock.GetUtcNow();
        await db.AlumniInvitations.Where(i => i.ParticipantId == p.Id && i.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, now), cancellationToken);
        var token = SecretTokens.New();
        db.AlumniInvitations.Add(new AlumniInvitation
        {
            ParticipantId = p.Id,
            UserId = user.Id,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + AlumniRules.InvitationLifetime,
            InvitedBy = scope.Actor.Name,
        });

        var edition = await db.Editions.AsNoTracking().FirstAsync(e => e.Id == p.EditionId, cancellationToken);
        var language = Outbox.LanguageOf(p);
        var (subject, body) = MailText.Render(MailTemplate.AlumniInvitation, language, new Dictionary<string, string?>
        {
            ["name"] = p.FullName,
            ["edition"] = edition.Title,
            ["contact"] = edition.ContactEmail ?? "",
            ["link"] = mail.Link($"/alumni/welcome/{token}"),
        });
        var message = new OutboxMessage
        {
            EditionId = p.EditionId,
            ParticipantId = p.Id,
            Template = MailTemplate.AlumniInvitation,
            Language = language,
            ToName = p.FullName,
            ToAddressProtected = outbox.Protect(address),
            Subject = subject,
            Body = body,
            Status = OutboxStatus.Waiting,
            Origin = $"alumni invitation by {scope.Actor.Name}",
            CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        audit.Record(scope.Actor, "Invited", "Alumnus", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new("Account", null, user.Id), new("ExpiresAt", null, (now + AlumniRules.InvitationLifetime).ToString("u", System.Globalization.CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(cancellationToken);
        return new(message.Id, token, null);
    }
}
