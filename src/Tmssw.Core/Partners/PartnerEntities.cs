namespace Tmssw.Core.Partners;

/// <summary>What a countdown task is counted from: the group's arrival in its city or its departure.</summary>
public enum TaskAnchor
{
    Arrival,
    Departure,
}

/// <summary>Who does a task: the city's community partner (role Host) or the program staff.</summary>
public enum TaskOwner
{
    Partner,
    Staff,
}

/// <summary>
/// One step of an edition's countdown: a title, what it is counted from and how many days before (negative)
/// or after (positive). <see cref="Countdown.Defaults"/> are the program's usual steps; staff edit them per edition.
/// </summary>
public sealed class CountdownTemplate
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int SortOrder { get; set; }
    public string Title { get; set; } = "";
    public TaskAnchor Anchor { get; set; }
    public int OffsetDays { get; set; }
    public TaskOwner Owner { get; set; }
}

/// <summary>
/// A countdown step for one group: copied from its template (so editing a template later does not rewrite
/// history), with the anchor date and the due date as dates in the group's city (local calendar days).
/// An open task follows its group's dates; a done one keeps the dates it was done against.
/// </summary>
public sealed class PartnerTask
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int GroupId { get; set; }
    public string CityId { get; set; } = "";
    public int? TemplateId { get; set; }
    public string Title { get; set; } = "";
    public TaskAnchor Anchor { get; set; }
    public int OffsetDays { get; set; }
    public TaskOwner Owner { get; set; }

    /// <summary>The person responsible, when someone took it (else the owner role as a whole).</summary>
    public string? AssigneeName { get; set; }

    /// <summary>The group's arrival or departure date in the city (local calendar day).</summary>
    public DateOnly AnchorDate { get; set; }

    /// <summary><see cref="AnchorDate"/> + <see cref="OffsetDays"/>: due by the end of that day in the city's zone.</summary>
    public DateOnly Due { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }

    public bool IsDone => DoneAt is not null;
}

/// <summary>
/// A local household that receives visitors at home for a dinner: 2–3 guests, the languages spoken, the
/// diets it cannot serve (codes of <see cref="Diets"/>), step-free access, and the evenings it is free.
/// </summary>
public sealed class Household
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public string CityId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public int Capacity { get; set; } = 2;

    /// <summary>BCP 47 tags.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Diet codes the household cannot serve (see <see cref="Diets.Codes"/>).</summary>
    public List<string> CannotServe { get; set; } = [];

    public bool StepFreeAccess { get; set; }

    /// <summary>Local calendar days (in the city) the household can host a dinner.</summary>
    public List<DateOnly> FreeEvenings { get; set; } = [];
}

/// <summary>A group's saved home-hospitality evening: when, and who dines in which home.</summary>
public sealed class HospitalityEvening
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public int GroupId { get; set; }

    /// <summary>Local wall-clock time in the group's city.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
    public List<HospitalityHomeGuests> Homes { get; set; } = [];
}

/// <summary>One home of a saved evening; its program item puts the dinner in each guest's itinerary and feed.</summary>
public sealed class HospitalityHomeGuests
{
    public int Id { get; set; }
    public int HospitalityEveningId { get; set; }
    public int HouseholdId { get; set; }
    public List<int> ParticipantIds { get; set; } = [];

    /// <summary>The interpretation languages (one interpreter each) of the group's interpreters placed here.</summary>
    public List<string> InterpreterLanguages { get; set; } = [];

    public int? ProgramItemId { get; set; }
}
