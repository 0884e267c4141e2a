namespace Tmssw.Core.Scheduling;

public enum MeetingStatus
{
    Planned,
    Requested,
    Confirmed,
    Declined,
    Thanked,
}

/// <summary>A meeting of one group with one host, at a local time in the group's city.</summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int GroupId { get; set; }
    public int MeetingOfferId { get; set; }

    /// <summary>Local wall-clock time in the city's zone.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    /// <summary>Set by hand: the scheduler keeps it where it is.</summary>
    public bool Locked { get; set; }

    public string? Notes { get; set; }

    /// <summary>Planned → Requested → Confirmed | Declined; Confirmed → Thanked after the visit.</summary>
    public Result ChangeStatus(MeetingStatus to)
    {
        var allowed = Status switch
        {
            MeetingStatus.Planned => [MeetingStatus.Requested],
            MeetingStatus.Requested => [MeetingStatus.Confirmed, MeetingStatus.Declined],
            MeetingStatus.Confirmed => [MeetingStatus.Thanked],
            _ => Array.Empty<MeetingStatus>(),
        };
        if (!allowed.Contains(to))
        {
            return Result.Fail(allowed.Length == 0
                ? $"A meeting that is {Status} cannot change any more."
                : $"A meeting that is {Status} cannot become {to}; it can become {string.Join(" or ", allowed)}.");
        }

        Status = to;
        return Result.Ok;
    }
}
