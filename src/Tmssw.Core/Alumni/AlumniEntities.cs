namespace Tmssw.Core.Alumni;

/// <summary>
/// What one alumnus chose to share in the alumni directory, field by field, and whether they want the weekly
/// digest. No row, or every flag off, means nothing is shared and the alumnus is not listed. Changing a flag
/// takes effect at once: the directory, the API and the CLI read these flags on every query.
/// </summary>
public sealed class AlumniSharing
{
    /// <summary>The alumnus (a participant whose status is Completed).</summary>
    public int ParticipantId { get; set; }

    /// <summary>Listed at all: without the name nothing else is shown (an entry without a name helps nobody).</summary>
    public bool ShareName { get; set; }

    public bool ShareCountry { get; set; }
    public bool ShareAgency { get; set; }
    public bool SharePosition { get; set; }
    public bool ShareThemes { get; set; }
    public bool ShareEdition { get; set; }
    public bool ShareCityGroup { get; set; }

    /// <summary>The weekly digest of new threads in the alumnus's themes (opt-in).</summary>
    public bool WantsDigest { get; set; }

    /// <summary>Threads created before this instant were in an earlier digest.</summary>
    public DateTimeOffset? DigestSentUpTo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The Traffic Light Protocol 2.0 labels, from the least to the most restrictive.</summary>
public enum Tlp
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}

/// <summary>
/// A thread of the knowledge exchange: a theme, a TLP label and the audience the label needs (AMBER: a theme
/// or a region; AMBER+STRICT: the author's agency, kept as a key; RED: named recipients). Title and body are
/// stored encrypted (Data Protection) whatever the label, so a copy of the database reads none of them.
/// Who may read it is decided by <see cref="Accounts.UserScope.ReadableThreads"/> only.
/// </summary>
public sealed class AlumniThread
{
    public int Id { get; set; }

    /// <summary>A code from <see cref="Reference.Themes"/>.</summary>
    public string Theme { get; set; } = "";

    public Tlp Tlp { get; set; }

    /// <summary>AMBER: the alumni of this theme may read it (with <see cref="AudienceRegion"/>, either suffices).</summary>
    public string? AudienceTheme { get; set; }

    /// <summary>AMBER: the alumni of this UN M49 region may read it.</summary>
    public string? AudienceRegion { get; set; }

    /// <summary>The author's agency, normalized (<see cref="AlumniRules.AgencyKey"/>): AMBER+STRICT's audience.</summary>
    public string AgencyKey { get; set; } = "";

    public int AuthorParticipantId { get; set; }
    public string AuthorName { get; set; } = "";

    public string TitleProtected { get; set; } = "";
    public string BodyProtected { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenBy { get; set; }
    public string? HiddenReason { get; set; }

    /// <summary>The synthetic demo's threads.</summary>
    public bool IsSynthetic { get; set; }

    public List<ThreadRecipient> Recipients { get; set; } = [];
    public List<AlumniReply> Replies { get; set; } = [];
    public List<PostReport> Reports { get; set; } = [];
}

/// <summary>A RED thread's named recipient (a participant who is an alumnus).</summary>
public sealed class ThreadRecipient
{
    public int ThreadId { get; set; }
    public int ParticipantId { get; set; }
}

/// <summary>
/// A reply. It carries no label of its own: it is read by exactly the thread's readers, so it can never be
/// less restrictive than its thread.
/// </summary>
public sealed class AlumniReply
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public int AuthorParticipantId { get; set; }
    public string AuthorName { get; set; } = "";
    public string BodyProtected { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenBy { get; set; }
    public string? HiddenReason { get; set; }
}

/// <summary>
/// A reader's report of a thread or a reply to staff. A report discloses that thread to the moderators,
/// whatever its label: staff read an AMBER, AMBER+STRICT or RED thread only once someone reported it.
/// </summary>
public sealed class PostReport
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public int? ReplyId { get; set; }
    public string ReportedBy { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>
/// An invitation to an alumnus of an earlier edition: an account (Participant role, linked to the
/// participant) without a password, and a single-use secret link to set one (SHA-256 kept, expiring).
/// </summary>
public sealed class AlumniInvitation
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public string InvitedBy { get; set; } = "";
}
