namespace Tmssw.Core.Scheduling;

/// <summary>
/// A fixed item in a group's week that no meeting may overlap: arrival, home hospitality, a site
/// visit set by hand. Local wall-clock time in the group's city.
/// </summary>
public sealed class GroupBusyItem
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public string Label { get; set; } = "";

    /// <summary>Local wall-clock time in the city's zone.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
}

/// <summary>
/// That a group's week was published: from then on the city's hosts, the group's interpreter and
/// its participants see it. One row per group; publishing again moves the timestamp.
/// </summary>
public sealed class SchedulePublication
{
    public int GroupId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}
