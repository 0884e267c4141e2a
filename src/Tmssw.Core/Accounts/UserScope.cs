using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Accounts;

/// <summary>
/// What a signed-in person may reach: their roles and the scope those roles carry (an edition list
/// for Staff, a country for a Nominator, a city for a Host, a group for an Interpreter, one record
/// for a Participant). Every query over participants goes through <see cref="Participants"/>.
/// </summary>
public sealed record UserScope(
    string UserId,
    string Name,
    IReadOnlySet<string> Roles,
    IReadOnlySet<int> EditionIds,
    string? Country = null,
    string? CityId = null,
    int? GroupId = null,
    int? ParticipantId = null)
{
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    public bool IsStaff => Roles.Contains(Accounts.Roles.Staff);
    public bool IsNominator => Roles.Contains(Accounts.Roles.Nominator);
    public bool IsHost => Roles.Contains(Accounts.Roles.Host);
    public bool IsInterpreter => Roles.Contains(Accounts.Roles.Interpreter);
    public bool IsParticipant => Roles.Contains(Accounts.Roles.Participant);

    public Actor Actor => new(UserId, Name);

    public static UserScope Admin(string name = "admin") =>
        new("", name, new HashSet<string> { Accounts.Roles.Admin }, new HashSet<int>());

    /// <summary>Staff run an edition's program only when assigned to it; Admins run all.</summary>
    public bool RunsEdition(int editionId) => IsAdmin || (IsStaff && EditionIds.Contains(editionId));

    /// <summary>Passport, date of birth and personal contacts: Admin and the edition's assigned Staff only.</summary>
    public bool MaySeeSensitive(int editionId) => RunsEdition(editionId);

    /// <summary>The participants this person may see at all.</summary>
    public IQueryable<Participant> Participants(TmsswDbContext db)
    {
        var all = db.Participants.AsQueryable();
        if (IsAdmin)
        {
            return all;
        }

        var editions = EditionIds.ToList();
        var country = Country;
        var groupId = GroupId;
        var participantId = ParticipantId;
        var cityId = CityId;
        var staff = IsStaff;
        var nominator = IsNominator && country is not null;
        var host = IsHost && cityId is not null;
        var interpreter = IsInterpreter && groupId is not null;
        var participant = IsParticipant && participantId is not null;
        var hostGroups = db.Groups.Where(g => g.CityId == cityId).Select(g => (int?)g.Id);
        return all.Where(p =>
            (staff && editions.Contains(p.EditionId))
            || (nominator && p.Country == country)
            || (host && hostGroups.Contains(p.GroupId))
            || (interpreter && p.GroupId == groupId)
            || (participant && p.Id == participantId));
    }

    /// <summary>
    /// A Nominator nominates and edits their own country's participants until the nomination is
    /// vetted; Admins and the edition's Staff edit any of theirs.
    /// </summary>
    public bool MayEdit(Participant p) =>
        RunsEdition(p.EditionId)
        || (IsNominator && Country == p.Country && p.Status == NominationStatus.Nominated);

    public bool MayNominate(int editionId, string country) => RunsEdition(editionId) || (IsNominator && Country == country);
}
