using Microsoft.AspNetCore.Identity;

namespace Tmssw.Core.Accounts;

/// <summary>A person who signs in. The role says what they may do; the scope fields say where.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A Nominator's country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; set; }

    /// <summary>A Host's city.</summary>
    public string? CityId { get; set; }

    /// <summary>An Interpreter's group.</summary>
    public int? GroupId { get; set; }

    /// <summary>A Participant's own record.</summary>
    public int? ParticipantId { get; set; }

    public List<StaffAssignment> EditionAssignments { get; set; } = [];
}

/// <summary>An edition a Staff user runs.</summary>
public sealed class StaffAssignment
{
    public string UserId { get; set; } = "";
    public int EditionId { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Nominator = "Nominator";
    public const string Host = "Host";
    public const string Interpreter = "Interpreter";
    public const string Participant = "Participant";

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Nominator, Host, Interpreter, Participant];
}
