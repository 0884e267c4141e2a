namespace Tmssw.Core.Participants;

/// <summary>A visiting judicial, law-enforcement or security official nominated to an edition.</summary>
public sealed class Participant
{
    public int Id { get; set; }
    public int EditionId { get; set; }

    /// <summary>Exactly as written (any script), trimmed and NFC-normalized.</summary>
    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";

    /// <summary>UN M49 sub-region of <see cref="Country"/>, kept for filtering and for the split planner.</summary>
    public string Region { get; set; } = "";

    /// <summary>A code from <see cref="Reference.Sectors"/>.</summary>
    public string Sector { get; set; } = "";

    public string Agency { get; set; } = "";
    public string Position { get; set; } = "";

    /// <summary>Expertise theme codes from <see cref="Reference.Themes"/>.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>BCP 47 tags of the languages spoken, mother tongue first.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>The language (BCP 47) the participant needs interpretation into; null when they work in English.</summary>
    public string? InterpretationLanguage { get; set; }

    /// <summary>F, M or X.</summary>
    public string Gender { get; set; } = "";

    public string? DietaryNeeds { get; set; }
    public string? AccessibilityNeeds { get; set; }

    public NominationStatus Status { get; set; } = NominationStatus.Nominated;

    /// <summary>Demo data: the person does not exist.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>The group the participant is in once a split is published.</summary>
    public int? GroupId { get; set; }

    // Sensitive fields, stored only as ciphertext (ASP.NET Core Data Protection); see SensitiveFields.
    public string? PassportNumberProtected { get; set; }
    public string? DateOfBirthProtected { get; set; }
    public string? PersonalEmailProtected { get; set; }
    public string? PersonalPhoneProtected { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Raised by every save of the participant's form or API record (a concurrency token): a save made
    /// from an older version is refused with both versions shown, so two people never overwrite each other unseen.
    /// </summary>
    public int Version { get; set; } = 1;

    public List<StatusChange> History { get; set; } = [];

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>
    /// Moves the nomination along its lifecycle, recording who, when and why; refuses a move the
    /// lifecycle does not allow, saying which moves it does.
    /// </summary>
    public Result ChangeStatus(NominationStatus to, string by, string? reason, DateTimeOffset at)
    {
        var check = NominationLifecycle.Check(Status, to, reason);
        if (!check.Succeeded)
        {
            return check;
        }

        History.Add(new StatusChange
        {
            ParticipantId = Id,
            From = Status,
            To = to,
            ChangedBy = by,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            ChangedAt = at,
        });
        Status = to;
        UpdatedAt = at;
        return Result.Ok;
    }
}

public enum NominationStatus
{
    Nominated,
    Vetted,
    Confirmed,
    Traveling,
    Completed,
    Withdrawn,
    Declined,
}

/// <summary>One step of a nomination's history.</summary>
public sealed class StatusChange
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public NominationStatus From { get; set; }
    public NominationStatus To { get; set; }
    public string ChangedBy { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>
/// Nominated → Vetted → Confirmed → Traveling → Completed, or Withdrawn / Declined from any state
/// before Completed. Withdrawn, Declined and Completed are final.
/// </summary>
public static class NominationLifecycle
{
    private static readonly NominationStatus[] Forward =
    [
        NominationStatus.Nominated,
        NominationStatus.Vetted,
        NominationStatus.Confirmed,
        NominationStatus.Traveling,
        NominationStatus.Completed,
    ];

    public static bool IsFinal(NominationStatus status) =>
        status is NominationStatus.Completed or NominationStatus.Withdrawn or NominationStatus.Declined;

    /// <summary>The statuses a nomination in <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<NominationStatus> NextFrom(NominationStatus from)
    {
        if (IsFinal(from))
        {
            return [];
        }

        var next = Forward[Array.IndexOf(Forward, from) + 1];
        return [next, NominationStatus.Withdrawn, NominationStatus.Declined];
    }

    public static Result Check(NominationStatus from, NominationStatus to, string? reason)
    {
        if (IsFinal(from))
        {
            return Result.Fail($"A nomination that is {from} cannot change any more.");
        }

        if (from == to)
        {
            return Result.Fail($"The nomination is already {to}.");
        }

        if (!NextFrom(from).Contains(to))
        {
            var allowed = string.Join(", ", NextFrom(from));
            return Result.Fail($"A nomination that is {from} cannot become {to}; it can become {allowed}.");
        }

        if (to is NominationStatus.Withdrawn or NominationStatus.Declined && string.IsNullOrWhiteSpace(reason))
        {
            return Result.Fail($"Say why the nomination is {to}: a reason is required.");
        }

        return Result.Ok;
    }
}
