using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

public enum GuestRegistrationResult
{
    Registered,

    /// <summary>A field is missing or wrong: <see cref="GuestRegistrationOutcome.Errors"/> says which.</summary>
    Invalid,

    /// <summary>The e-mail address is already registered for the edition.</summary>
    Duplicate,

    /// <summary>The honeypot field was filled in: nothing is stored.</summary>
    Refused,

    /// <summary>No published edition of that year takes guests.</summary>
    NotOpen,
}

/// <summary>A session open to guests, with its places (a full one still takes names for its waiting list).</summary>
public sealed record GuestFormSession(int Id, string Title, DateTime Start, DateTime End, int Cap, int Held)
{
    public bool Full => Held >= Cap;
}

public sealed record GuestForm(int Year, string EditionTitle, IReadOnlyList<GuestFormSession> Sessions);

/// <summary>What the registration did; <see cref="LinkToken"/> (shown once) opens the guest's personal page.</summary>
public sealed record GuestRegistrationOutcome(
    GuestRegistrationResult Result,
    IReadOnlyDictionary<string, string> Errors,
    string? LinkToken = null,
    int GuestId = 0)
{
    public static GuestRegistrationOutcome Fail(GuestRegistrationResult result, string field, string message) =>
        new(result, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// An outside guest registers through the public form, without an account. Each wanted session gets
/// a place (Pending, awaiting staff approval) while the session's <see cref="ConferenceSession.GuestCap"/>
/// allows, else a place in its waiting list. The places are counted under a lock per session
/// (<see cref="GuestPlaces"/>), so concurrent registrations never exceed a cap. One registration per
/// e-mail address and edition (a unique index settles a race); a filled honeypot stores nothing.
/// </summary>
public sealed class RegisterGuest(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Actor = "guest registration form";

    /// <summary>What the form offers: the published edition's sessions open to guests (null: no such edition).</summary>
    public async Task<GuestForm?> FormAsync(int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year && e.IsPublished, ct);
        if (edition is null)
        {
            return null;
        }

        var sessions = await db.ConferenceSessions.AsNoTracking()
            .Where(s => s.EditionId == edition.Id && s.GuestCap != null && !s.Cancelled)
            .OrderBy(s => s.Start).ThenBy(s => s.Id)
            .Select(s => new GuestFormSession(s.Id, s.Title, s.Start, s.End, s.GuestCap!.Value,
                db.GuestRegistrations.Count(r => r.SessionId == s.Id && (r.Status == GuestRegistrationStatus.Pending || r.Status == GuestRegistrationStatus.Approved))))
            .ToListAsync(ct);
        return new GuestForm(year, edition.Title, sessions);
    }

    public async Task<GuestRegistrationOutcome> RunAsync(int year, GuestInput input, string? honeypot, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(honeypot))
        {
            return GuestRegistrationOutcome.Fail(GuestRegistrationResult.Refused, "Website",
                "Sorry, this registration looks automated and was not accepted. If you are a person, leave the field “Leave this field empty” blank and send the form again.");
        }

        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year && e.IsPublished, ct);
        if (edition is null)
        {
            return GuestRegistrationOutcome.Fail(GuestRegistrationResult.NotOpen, "", $"The {year} conference does not take registrations.");
        }

        var (values, errors) = GuestRules.Check(input);
        var open = await db.ConferenceSessions.AsNoTracking()
            .Where(s => s.EditionId == edition.Id && s.GuestCap != null && !s.Cancelled)
            .Select(s => new { s.Id, s.Title })
            .ToListAsync(ct);
        if (values is not null)
        {
            var closed = values.SessionIds.Where(id => open.All(s => s.Id != id)).ToList();
            if (closed.Count > 0)
            {
                return GuestRegistrationOutcome.Fail(GuestRegistrationResult.Invalid, "SessionIds",
                    $"Session {string.Join(", ", closed.Select(id => "#" + id))} is not open to guests; choose among the sessions listed.");
            }
        }

        if (values is null)
        {
            return new GuestRegistrationOutcome(GuestRegistrationResult.Invalid, errors);
        }

        if (await db.ConferenceGuests.AnyAsync(g => g.EditionId == edition.Id && g.Email == values.Email, ct))
        {
            return Duplicate(year);
        }

        var token = GuestLink.NewToken();
        var now = clock.GetUtcNow();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var sessionIds = values.SessionIds.Order().ToList();
            foreach (var id in sessionIds)
            {
                await GuestPlaces.LockAsync(db, id, ct);
            }

            var guest = new ConferenceGuest
            {
                EditionId = edition.Id,
                Name = values.Name,
                Organization = values.Organization,
                Position = values.Position,
                Email = values.Email,
                LinkTokenHash = GuestLink.Hash(token),
                RegisteredAt = now,
            };
            foreach (var id in sessionIds)
            {
                var (cap, held) = await GuestPlaces.CountAsync(db, id, ct);
                var registration = new GuestRegistration { SessionId = id, CreatedAt = now, UpdatedAt = now };
                if (held < (cap ?? 0))
                {
                    registration.Status = GuestRegistrationStatus.Pending;
                }
                else
                {
                    registration.Status = GuestRegistrationStatus.Waitlisted;
                    registration.WaitlistPosition = await GuestPlaces.NextWaitlistPositionAsync(db, id, ct);
                }

                guest.Registrations.Add(registration);
            }

            db.ConferenceGuests.Add(guest);
            await db.SaveChangesAsync(ct);
            audit.Record(Auditing.Actor.System(Actor), "GuestRegistered", "ConferenceGuest", guest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                guest.Registrations.Select(r => new FieldChange($"session {r.SessionId}", null, r.Status.ToString())));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new GuestRegistrationOutcome(GuestRegistrationResult.Registered, new Dictionary<string, string>(), token, guest.Id);
        }
        catch (DbUpdateException)
        {
            // The unique (edition, e-mail) index: the same address registered a moment ago.
            db.ChangeTracker.Clear();
            if (await db.ConferenceGuests.AnyAsync(g => g.EditionId == edition.Id && g.Email == values.Email, ct))
            {
                return Duplicate(year);
            }

            throw;
        }
    }

    private static GuestRegistrationOutcome Duplicate(int year) =>
        GuestRegistrationOutcome.Fail(GuestRegistrationResult.Duplicate, "Email",
            $"This e-mail address is already registered for the {year} conference. Your confirmation page (the personal link you were given) shows your badge and lets you cancel.");
}
