namespace Tmssw.Planning;

/// <summary>How far a solver got: the words every planner output uses.</summary>
public enum PlanningStatus
{
    Optimal,
    Feasible,
    Infeasible,
    Unknown,
}
