namespace Tmssw.Core.Conference;

/// <summary>A session of the closing Combating Transnational Crime Global Cooperation Conference.</summary>
public sealed class ConferenceSession
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string Title { get; set; } = "";
    public string? Room { get; set; }

    /// <summary>Local wall-clock time in the conference city's zone.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
    public List<string> Themes { get; set; } = [];
    public List<Speaker> Speakers { get; set; } = [];

    /// <summary>Places for outside guests (approved or awaiting approval); null: the session takes no guests.</summary>
    public int? GuestCap { get; set; }
}

public sealed class Speaker
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public List<ConferenceSession> Sessions { get; set; } = [];
}
