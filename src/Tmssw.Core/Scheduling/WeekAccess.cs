namespace Tmssw.Core.Scheduling;

/// <summary>What a person may do with one city group's week (decided by <see cref="Accounts.UserScope.WeekAccessAsync"/>).</summary>
public enum WeekAccess
{
    /// <summary>Out of reach: the page answers 404.</summary>
    None,

    /// <summary>The group's interpreter and participants: the week once it is published, read-only.</summary>
    ReadPublished,

    /// <summary>Admin, the edition's Staff, and the Host of the group's city: offers, runs, changes, publishing.</summary>
    Edit,
}
