namespace Tmssw.Core.Conference;

/// <summary>
/// Where an outside guest's request for one session stands. <see cref="Pending"/> and
/// <see cref="Approved"/> hold one of the session's <see cref="ConferenceSession.GuestCap"/> places;
/// <see cref="Waitlisted"/> waits in <see cref="GuestRegistration.WaitlistPosition"/> order and moves up
/// (to Pending) when a place frees; <see cref="Cancelled"/> (by the guest) and <see cref="Refused"/> (by staff) are final.
/// </summary>
public enum GuestRegistrationStatus
{
    Pending,
    Approved,
    Waitlisted,
    Cancelled,
    Refused,
}

/// <summary>
/// An outside guest of the closing conference (U.S. law enforcement, prosecutors, the private sector):
/// registered through the public form, one per e-mail address and edition. The personal link that
/// shows the badge and cancels is a random token of which only the SHA-256 hash is stored.
/// </summary>
public sealed class ConferenceGuest
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";
    public string Organization { get; set; } = "";

    /// <summary>The guest's job title.</summary>
    public string Position { get; set; } = "";

    /// <summary>Trimmed and lower-cased: the duplicate check compares it.</summary>
    public string Email { get; set; } = "";

    public string LinkTokenHash { get; set; } = "";
    public bool IsSynthetic { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public List<GuestRegistration> Registrations { get; set; } = [];
}

/// <summary>A guest's request for one session, with its place in the session's waiting list.</summary>
public sealed class GuestRegistration
{
    public int Id { get; set; }
    public int GuestId { get; set; }
    public int SessionId { get; set; }
    public GuestRegistrationStatus Status { get; set; }

    /// <summary>The order of the waiting list (1, 2, …, per session, never reused); null when never waitlisted.</summary>
    public int? WaitlistPosition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether this request holds one of the session's guest places.</summary>
    public bool HoldsPlace => Status is GuestRegistrationStatus.Pending or GuestRegistrationStatus.Approved;
}

/// <summary>Who a badge names at the door (the <see cref="Itineraries.BadgeClaim.Role"/> of its token).</summary>
public static class BadgeRoles
{
    public const string Participant = "participant";
    public const string Interpreter = "interpreter";
    public const string Guest = "guest";
}

/// <summary>
/// One badge checked in at one session's door: the person (<see cref="PersonKind"/> is a
/// <see cref="BadgeRoles"/> value), the time it was scanned (the phone's, also when the scan was
/// queued offline and sent later) and when the server recorded it. At most one per person and session.
/// </summary>
public sealed class CheckIn
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int SessionId { get; set; }
    public string PersonKind { get; set; } = "";
    public int PersonId { get; set; }
    public DateTimeOffset ScannedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
