namespace Tmssw.Core.Splits;

/// <summary>The participants sent to one city during the city split, with its interpreters.</summary>
public sealed class Group
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>BCP 47 tags the group's interpreters cover (one interpreter, one language).</summary>
    public List<string> InterpretationLanguages { get; set; } = [];

    public string? InterpreterName { get; set; }
}

/// <summary>
/// A versioned assignment of every confirmed participant to a city; produced by the split planner,
/// adjusted by staff. At most one plan per edition is published.
/// </summary>
public sealed class SplitPlan
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The planner's status words: Optimal, Feasible, Infeasible, Unknown, or Manual.</summary>
    public string SolverStatus { get; set; } = "";

    public long? Score { get; set; }
    public long? Bound { get; set; }

    /// <summary>The rules and weights the plan was made with, in the split-instance JSON format.</summary>
    public string? SettingsJson { get; set; }

    public List<SplitAssignment> Assignments { get; set; } = [];
}

public sealed class SplitAssignment
{
    public int Id { get; set; }
    public int SplitPlanId { get; set; }
    public int ParticipantId { get; set; }
    public string CityId { get; set; } = "";
    public bool Locked { get; set; }
    public string? Explanation { get; set; }
}
