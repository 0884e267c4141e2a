namespace Tmssw.Core.Conference;

/// <summary>Whether everyone attends (one room) or the session runs beside others in a track.</summary>
public enum SessionKind
{
    Plenary,
    Parallel,
}

/// <summary>What a person does on a session's stage.</summary>
public enum SpeakerRole
{
    Speaker,
    Moderator,
}

/// <summary>
/// A session of the closing Combating Transnational Crime Global Cooperation Conference, as staff
/// edit it (the draft). The public and the participants' itineraries read the latest published
/// <see cref="AgendaVersion"/> instead. A cancelled session stays, marked, so feeds can say so;
/// <see cref="Sequence"/> is the iCalendar SEQUENCE of the last published version that carried it.
/// </summary>
public sealed class ConferenceSession
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Title { get; set; } = "";
    public SessionKind Kind { get; set; } = SessionKind.Parallel;

    /// <summary>The parallel track (e.g. "Illicit finance"); null for a plenary.</summary>
    public string? Track { get; set; }

    public int? RoomId { get; set; }
    public ConferenceRoom? Room { get; set; }

    /// <summary>Local wall-clock time in the conference city's zone.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
    public int? ExpectedAttendance { get; set; }
    public string? Description { get; set; }
    public List<string> Themes { get; set; } = [];

    /// <summary>The numbers of the edition's objectives (<see cref="Editions.Objective.Number"/>) this session serves.</summary>
    public List<int> Objectives { get; set; } = [];

    public List<SessionSpeaker> Speakers { get; set; } = [];
    public bool Cancelled { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Places for outside guests (approved or awaiting approval); null: the session takes no guests.</summary>
    public int? GuestCap { get; set; }
}

/// <summary>A person on the agenda: speaker or moderator (the role is on each session's link).</summary>
public sealed class Speaker
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Position, e.g. "Special Agent in Charge".</summary>
    public string? Title { get; set; }

    public string? Organization { get; set; }
    public string? Bio { get; set; }
    public List<SessionSpeaker> Sessions { get; set; } = [];
}

/// <summary>A speaker on a session, in a role.</summary>
public sealed class SessionSpeaker
{
    public int SessionId { get; set; }
    public int SpeakerId { get; set; }
    public Speaker? Speaker { get; set; }
    public SpeakerRole Role { get; set; }
}

/// <summary>A room of the conference venue.</summary>
public sealed class ConferenceRoom
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Name { get; set; } = "";
    public int Capacity { get; set; }

    /// <summary>Order of the columns on the editor's grid.</summary>
    public int Position { get; set; }
}

/// <summary>When the venue is open on one conference day (local times).</summary>
public sealed class VenueDay
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

/// <summary>
/// A published agenda: a name staff give ("v2"), its number, and the whole agenda as it stood
/// (<see cref="AgendaSnapshot"/> as JSON). The public reads the highest number only.
/// </summary>
public sealed class AgendaVersion
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public string SnapshotJson { get; set; } = "";
}
