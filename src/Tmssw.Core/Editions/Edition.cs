namespace Tmssw.Core.Editions;

/// <summary>One year's run of the initiative.</summary>
public sealed class Edition
{
    public int Id { get; set; }
    public int Year { get; set; }

    /// <summary>1 for the first edition (2015).</summary>
    public int Ordinal { get; set; }

    public string Title { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Summary { get; set; }

    /// <summary>The year's emphasis within the themes, e.g. synthetic opioids in 2023–24.</summary>
    public string? Emphasis { get; set; }

    public string? ImplementingPartner { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>Theme codes from <see cref="Reference.Themes"/>.</summary>
    public List<string> Themes { get; set; } = [];

    /// <summary>Only published editions appear on the public pages.</summary>
    public bool IsPublished { get; set; }

    public List<Objective> Objectives { get; set; } = [];
    public List<Phase> Phases { get; set; } = [];
    public List<PublishedFigure> Figures { get; set; } = [];
}

/// <summary>One of an edition's stated objectives; meetings, sessions and surveys point at these.</summary>
public sealed class Objective
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int Number { get; set; }
    public string Text { get; set; } = "";
}

public enum PhaseKind
{
    Plenary,
    Workshop,
    CitySplit,
    Conference,
    Travel,
}

/// <summary>A stretch of the edition in one place (or, for the city split, in several at once).</summary>
public sealed class Phase
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public PhaseKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Description { get; set; }

    /// <summary>City ids: one for a plenary, workshop or conference; all the groups' cities for a split.</summary>
    public List<string> CityIds { get; set; } = [];
}

public enum FigureMetric
{
    Participants,
    Countries,
    Cities,
    Groups,
}

/// <summary>How a published number was phrased: "about 70", "over 50", "56".</summary>
public enum FigureQualifier
{
    Exactly,
    About,
    Over,
}

/// <summary>
/// A number someone published about an edition. Sources disagree (the bureau announced "over 50 from
/// 40 countries" for 2024, the implementing partner counted 56 from 47), so each figure keeps its
/// source rather than the product choosing one.
/// </summary>
public sealed class PublishedFigure
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public FigureMetric Metric { get; set; }
    public int Value { get; set; }
    public FigureQualifier Qualifier { get; set; }
    public string Source { get; set; } = "";

    /// <summary>Whether the figure was announced before the program or reported after it.</summary>
    public bool ReportedAfter { get; set; }

    public string Describe() => Qualifier switch
    {
        FigureQualifier.About => $"about {Value}",
        FigureQualifier.Over => $"over {Value}",
        _ => Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
