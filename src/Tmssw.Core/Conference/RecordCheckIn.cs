using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Conference;

public enum CheckInResult
{
    /// <summary>Counted now.</summary>
    CheckedIn,

    /// <summary>The badge was checked in at this session before: not counted again.</summary>
    Duplicate,

    /// <summary>The token does not verify (forged, changed, truncated, another installation's) or names nobody of this edition.</summary>
    InvalidToken,

    /// <summary>A guest whose registration was cancelled or refused.</summary>
    NotAdmitted,

    /// <summary>No such session in the edition.</summary>
    UnknownSession,
}

/// <summary>Who a badge names, as the door shows them: no photo, no sensitive field.</summary>
public sealed record BadgePerson(string Kind, int Id, string Name, string? Country, string? Organization, string Role);

/// <summary>
/// What a scan did. <see cref="CheckedInAt"/> is the (original) scan time of the first check-in, also
/// for a duplicate; <see cref="LocalTime"/> is it as HH:mm in the conference's zone.
/// </summary>
public sealed record CheckInOutcome(
    CheckInResult Result,
    string? Problem = null,
    BadgePerson? Person = null,
    int SessionId = 0,
    DateTimeOffset? CheckedInAt = null,
    string? LocalTime = null,
    string? Note = null)
{
    public bool Duplicate => Result == CheckInResult.Duplicate;

    public bool Accepted => Result is CheckInResult.CheckedIn or CheckInResult.Duplicate;
}

/// <summary>
/// A badge scanned (or its code typed) at a session's door. The token is verified here, on the server
/// (<see cref="VerifyBadgeToken"/>); the person is looked up; one check-in per person and session is
/// counted (a unique index settles two phones scanning the same badge at once), and a second scan
/// answers "already checked in at HH:MM". <paramref name="scannedAt"/> is the phone's scan time, kept
/// when a scan queued offline arrives later (a time in the future is taken as now). A token that does
/// not verify is audited and logged (never the token itself). With <c>sessionId</c> null the badge is
/// only verified and shown, nothing recorded. Admin and the edition's Staff only.
/// </summary>
public sealed class RecordCheckIn(TmsswDbContext db, VerifyBadgeToken verify, AuditLog audit, TimeProvider clock, ILogger<RecordCheckIn> log)
{
    public async Task<CheckInOutcome> RunAsync(UserScope scope, int year, string? token, int? sessionId, DateTimeOffset? scannedAt = null, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayCheckIn(edition.Id))
        {
            throw new OutOfScopeException($"the check-in of edition {year}");
        }

        if (sessionId is { } sid && !await db.ConferenceSessions.AnyAsync(s => s.Id == sid && s.EditionId == edition.Id, ct))
        {
            return new CheckInOutcome(CheckInResult.UnknownSession, $"There is no session #{sid} in the {year} conference.");
        }

        var claim = verify.Verify(token);
        var person = claim is null || claim.EditionYear != year ? null : await PersonAsync(edition.Id, claim, ct);
        if (person is null)
        {
            var why = claim is null ? "the token does not verify" : claim.EditionYear != year ? $"a badge of the {claim.EditionYear} edition" : $"nobody of this edition ({claim.Role} #{claim.PersonId})";
            log.LogWarning("Check-in refused at {Year} session {Session} by {User}: {Why} (token of {Length} characters).", year, sessionId, scope.Name, why, token?.Length ?? 0);
            audit.Record(scope.Actor, "CheckInRefused", "ConferenceSession", (sessionId ?? 0).ToString(CultureInfo.InvariantCulture),
                [new FieldChange("reason", null, why)]);
            await db.SaveChangesAsync(ct);
            return new CheckInOutcome(CheckInResult.InvalidToken, "This badge's code does not verify: it was not issued by this application for this edition, or it was changed. Check the person's identity another way.", SessionId: sessionId ?? 0);
        }

        if (person.Kind == BadgeRoles.Guest && !await GuestAdmittedAsync(person.Id, ct))
        {
            return new CheckInOutcome(CheckInResult.NotAdmitted, $"{person.Name}'s guest registration was cancelled or refused.", person, sessionId ?? 0);
        }

        var zone = await ConferenceZone.OfAsync(db, edition.Id, ct);
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        if (sessionId is not { } session)
        {
            return new CheckInOutcome(CheckInResult.CheckedIn, Person: person, Note: "Verified only: no session was given, so nothing was recorded.");
        }

        var note = person.Kind == BadgeRoles.Guest && !await db.GuestRegistrations.AnyAsync(
            r => r.GuestId == person.Id && r.SessionId == session && r.Status == GuestRegistrationStatus.Approved, ct)
            ? "This guest has no approved place in this session."
            : null;
        var existing = await ExistingAsync(session, person, ct);
        if (existing is not null)
        {
            return new CheckInOutcome(CheckInResult.Duplicate, null, person, session, existing.ScannedAt, Local(existing.ScannedAt), note);
        }

        var now = clock.GetUtcNow();
        var at = scannedAt is { } s0 && s0 <= now ? s0.ToUniversalTime() : now;
        var row = new CheckIn
        {
            EditionId = edition.Id,
            SessionId = session,
            PersonKind = person.Kind,
            PersonId = person.Id,
            ScannedAt = at,
            RecordedAt = now,
            RecordedBy = scope.Name.Length > 256 ? scope.Name[..256] : scope.Name,
        };
        db.CheckIns.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another phone checked the same badge in a moment ago: the unique index kept one.
            db.ChangeTracker.Clear();
            existing = await ExistingAsync(session, person, ct);
            if (existing is null)
            {
                throw;
            }

            return new CheckInOutcome(CheckInResult.Duplicate, null, person, session, existing.ScannedAt, Local(existing.ScannedAt), note);
        }

        return new CheckInOutcome(CheckInResult.CheckedIn, null, person, session, at, Local(at), note);
    }

    private Task<CheckIn?> ExistingAsync(int sessionId, BadgePerson person, CancellationToken ct) =>
        db.CheckIns.AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId && c.PersonKind == person.Kind && c.PersonId == person.Id, ct);

    private Task<bool> GuestAdmittedAsync(int guestId, CancellationToken ct) =>
        db.GuestRegistrations.AnyAsync(r => r.GuestId == guestId && r.Status != GuestRegistrationStatus.Cancelled && r.Status != GuestRegistrationStatus.Refused, ct);

    private async Task<BadgePerson?> PersonAsync(int editionId, BadgeClaim claim, CancellationToken ct)
    {
        switch (claim.Role)
        {
            case BadgeRoles.Participant:
                var p = await db.Participants.AsNoTracking().Where(x => x.Id == claim.PersonId && x.EditionId == editionId)
                    .Select(x => new { x.Id, x.GivenName, x.FamilyName, x.Country }).FirstOrDefaultAsync(ct);
                return p is null ? null : new BadgePerson(BadgeRoles.Participant, p.Id, $"{p.GivenName} {p.FamilyName}".Trim(), Countries.FindByCode(p.Country)?.Name ?? p.Country, null, "Participant");
            case BadgeRoles.Interpreter:
                var g = await db.Groups.AsNoTracking().Where(x => x.Id == claim.PersonId && x.EditionId == editionId && x.InterpreterName != null)
                    .Select(x => new { x.Id, x.Name, x.InterpreterName }).FirstOrDefaultAsync(ct);
                return g is null ? null : new BadgePerson(BadgeRoles.Interpreter, g.Id, g.InterpreterName!, "United States", null, $"Interpreter · {g.Name}");
            case BadgeRoles.Guest:
                var guest = await db.ConferenceGuests.AsNoTracking().Where(x => x.Id == claim.PersonId && x.EditionId == editionId)
                    .Select(x => new { x.Id, x.Name, x.Organization }).FirstOrDefaultAsync(ct);
                return guest is null ? null : new BadgePerson(BadgeRoles.Guest, guest.Id, guest.Name, null, guest.Organization, "Conference guest");
            default:
                return null;
        }
    }
}
