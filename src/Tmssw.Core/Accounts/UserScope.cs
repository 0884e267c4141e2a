using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Alumni;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Export;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Accounts;

/// <summary>
/// What a signed-in person may reach: their roles and the scope those roles carry (an edition list
/// for Staff, a country for a Nominator, a city for a Host, a group for an Interpreter, one record
/// for a Participant). This is the one place that decides who may see or change what: pages, the
/// API, the CLI and the use cases all ask it. Every query over participants goes through
/// <see cref="Participants"/>; another scope's object is answered as if it did not exist (404).
/// </summary>
public sealed record UserScope(
    string UserId,
    string Name,
    IReadOnlySet<string> Roles,
    IReadOnlySet<int> EditionIds,
    string? Country = null,
    string? CityId = null,
    int? GroupId = null,
    int? ParticipantId = null,
    Alumni.AlumnusFacts? Alumnus = null)
{
    public bool IsAdmin => Roles.Contains(Accounts.Roles.Admin);
    public bool IsStaff => Roles.Contains(Accounts.Roles.Staff);
    public bool IsNominator => Roles.Contains(Accounts.Roles.Nominator);
    public bool IsHost => Roles.Contains(Accounts.Roles.Host);
    public bool IsInterpreter => Roles.Contains(Accounts.Roles.Interpreter);
    public bool IsParticipant => Roles.Contains(Accounts.Roles.Participant);

    /// <summary>Who the audit log names: the account, or for the CLI and the demo loader a named system actor.</summary>
    public Actor Actor => UserId.Length == 0 ? Actor.System(Name) : new(UserId, Name);

    public static UserScope Admin(string name = "admin") =>
        new("", name, new HashSet<string> { Accounts.Roles.Admin }, new HashSet<int>());

    /// <summary>Purging sensitive fields after the retention period (and listing what would go) is an Admin's act.</summary>
    public bool MayRunRetention => IsAdmin;

    /// <summary>Staff run an edition's program only when assigned to it; Admins run all.</summary>
    public bool RunsEdition(int editionId) => IsAdmin || (IsStaff && EditionIds.Contains(editionId));

    /// <summary>The use cases' own guard: split plans, settings and versions are the edition's runners' only.</summary>
    public void EnsureRunsEdition(int editionId)
    {
        if (!RunsEdition(editionId))
        {
            throw new OutOfScopeException($"edition #{editionId}");
        }
    }

    /// <summary>
    /// The use cases' own guard for changing a city group's week (<see cref="WeekAccessAsync"/> must
    /// be <see cref="WeekAccess.Edit"/>). An edition that does not exist passes: the use case says so.
    /// </summary>
    public async Task EnsureMayEditWeekAsync(TmsswDbContext db, int year, string cityId, CancellationToken cancellationToken)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (editionId is { } id && await WeekAccessAsync(db, id, cityId, cancellationToken) != WeekAccess.Edit)
        {
            throw new OutOfScopeException($"the {year} week in {cityId}");
        }
    }

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

    /// <summary>The program staff move nominations along; a Nominator may only withdraw one they may still edit.</summary>
    public bool MayChangeStatus(Participant p, NominationStatus to) =>
        RunsEdition(p.EditionId) || (MayEdit(p) && to == NominationStatus.Withdrawn);

    public bool MayNominate(int editionId, string country) => RunsEdition(editionId) || (IsNominator && Country == country);

    /// <summary>Every role that sees some participants: everyone but a Participant.</summary>
    public bool SeesRosters => IsAdmin || IsStaff || IsNominator || IsHost || IsInterpreter;

    /// <summary>
    /// May this person open the edition's pages and API at all? Admins reach every edition; a Staff
    /// member who has no other role reaches only the editions assigned to them; the other roles are
    /// held to their country, city or group inside the edition.
    /// </summary>
    public bool ReachesEdition(int editionId)
    {
        var onlyStaff = IsStaff && !IsAdmin && !(IsNominator || IsHost || IsInterpreter);
        return !onlyStaff || RunsEdition(editionId);
    }

    /// <summary>An edition's public facts: published ones for everyone, drafts for those who run them.</summary>
    public static bool MayRead(UserScope? scope, Edition edition) => edition.IsPublished || scope?.RunsEdition(edition.Id) == true;

    /// <summary>
    /// "Latest Conversations" posts: a post tagged with an edition is written (drafted, edited,
    /// scheduled, published, unpublished, given images) by that edition's runners; a post about the
    /// initiative as a whole (no edition) by Admins only. Drafts are seen by the same people.
    /// </summary>
    public bool MayWritePost(int? editionId) => editionId is { } id ? RunsEdition(id) : IsAdmin;

    /// <summary>Who opens the staff's post pages at all: Admins and Staff (held to their editions' posts).</summary>
    public bool WritesPosts => IsAdmin || IsStaff;

    /// <summary>The posts, drafts included, this person may write (see <see cref="MayWritePost"/>).</summary>
    public IQueryable<Posts.Post> WritablePosts(TmsswDbContext db)
    {
        if (IsAdmin)
        {
            return db.Posts;
        }

        if (!IsStaff)
        {
            return db.Posts.Where(p => false);
        }

        var editions = EditionIds.ToList();
        return db.Posts.Where(p => p.EditionId != null && editions.Contains(p.EditionId.Value));
    }

    /// <summary>The editions on a person's home page: assigned ones, and for field roles the editions with a program.</summary>
    public IQueryable<Edition> HomeEditions(TmsswDbContext db)
    {
        var query = db.Editions.AsNoTracking();
        if (IsAdmin)
        {
            return query;
        }

        var ids = EditionIds.ToList();
        return IsNominator || IsHost || IsInterpreter
            ? query.Where(e => ids.Contains(e.Id) || e.StartDate != null)
            : query.Where(e => ids.Contains(e.Id));
    }

    /// <summary>
    /// A participant's status history names the staff who changed it: the edition's runners and the
    /// Nominator of the participant's country see it; Hosts and Interpreters see the person, not the paperwork.
    /// </summary>
    public bool MaySeeHistory(Participant p) => RunsEdition(p.EditionId) || (IsNominator && Country == p.Country);

    /// <summary>Whether sensitive values are on file: shown (masked) to those who may reveal them and to Nominators.</summary>
    public bool MaySeeSensitiveOnFile(int editionId) => MaySeeSensitive(editionId) || IsNominator;

    /// <summary>Opening the nomination form or the import: the edition's runners and any Nominator (held to their country).</summary>
    public bool MayNominateIn(int editionId) => RunsEdition(editionId) || IsNominator;

    /// <summary>The country a new nomination starts with: a Nominator's own.</summary>
    public string DefaultCountryFor(int editionId) => IsNominator && !RunsEdition(editionId) ? Country ?? "" : "";

    /// <summary>Cities, host organizations and meeting offers: the edition's runners and Hosts (their own city).</summary>
    public bool MaySeeHosts(int editionId) => RunsEdition(editionId) || IsHost;

    /// <summary>Some city's week: runners, Hosts (their city), Interpreters and Participants (their group, once published).</summary>
    public bool MaySeeSchedules(int editionId) => RunsEdition(editionId) || IsHost || IsInterpreter;

    /// <summary>
    /// The cities of an edition's hosts or offers someone may list: the edition's runners may name any
    /// city or none (null: every city); a Host is held to its own (naming another is refused); anyone
    /// else is refused.
    /// </summary>
    public (bool Allowed, string? CityId) HostCity(int editionId, string? requested)
    {
        var cityId = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim().ToLowerInvariant();
        if (RunsEdition(editionId))
        {
            return (true, cityId);
        }

        if (!IsHost || CityId is null || (cityId is not null && cityId != CityId))
        {
            return (false, null);
        }

        return (true, CityId);
    }

    /// <summary>The groups whose rosters this person sees on the groups page: runners all; a Host its city's; an Interpreter theirs.</summary>
    public IQueryable<Group>? GroupRosters(TmsswDbContext db, int editionId)
    {
        var groups = db.Groups.AsNoTracking().Where(g => g.EditionId == editionId);
        if (RunsEdition(editionId))
        {
            return groups;
        }

        var cityId = IsHost ? CityId : null;
        var groupId = IsInterpreter ? GroupId : null;
        return cityId is null && groupId is null ? null : groups.Where(g => g.CityId == cityId || g.Id == groupId);
    }

    /// <summary>The groups listed through the API: as <see cref="GroupRosters"/>, and a Nominator's the groups their nominees are in.</summary>
    public IQueryable<Group> Groups(TmsswDbContext db, int editionId)
    {
        var groups = db.Groups.AsNoTracking().Where(g => g.EditionId == editionId);
        if (RunsEdition(editionId))
        {
            return groups;
        }

        var visible = Participants(db).Where(p => p.EditionId == editionId);
        var cityId = IsHost ? CityId : null;
        var groupId = IsInterpreter ? GroupId : null;
        var nominator = IsNominator && Country is not null;
        return groups.Where(g =>
            (cityId != null && g.CityId == cityId)
            || (groupId != null && g.Id == groupId)
            || (nominator && visible.Any(p => p.GroupId == g.Id)));
    }

    /// <summary>
    /// The city and group a roster export covers: runners choose; a Host gets its own city's group,
    /// whatever the request says; others the whole of what they see.
    /// </summary>
    public RosterRequest RosterFilter(int editionId, RosterRequest request) =>
        RunsEdition(editionId)
            ? request with { CityId = string.IsNullOrWhiteSpace(request.CityId) ? null : request.CityId }
            : request with { CityId = IsHost ? CityId : null, GroupId = null };

    /// <summary>A Host exporting a roster gets the host columns (never passport or contact data).</summary>
    public bool ExportsHostView(int editionId) => IsHost && !RunsEdition(editionId);

    /// <summary>
    /// Who reaches a city group's week: the edition's runners every city and the Host of that city
    /// may edit it; the group's Interpreter and Participants read it once published; anyone else not at all.
    /// </summary>
    public async Task<WeekAccess> WeekAccessAsync(TmsswDbContext db, int editionId, string cityId, CancellationToken cancellationToken)
    {
        if (RunsEdition(editionId) || (IsHost && string.Equals(CityId, cityId, StringComparison.Ordinal)))
        {
            return WeekAccess.Edit;
        }

        var group = await GroupOfAsync(db, editionId, cancellationToken);
        return group is not null && group.CityId == cityId ? WeekAccess.ReadPublished : WeekAccess.None;
    }

    /// <summary>The city whose week this person lands on from the schedule overview (runners: none, they see all cities).</summary>
    public async Task<string?> HomeCityAsync(TmsswDbContext db, int editionId, CancellationToken cancellationToken)
    {
        if (IsHost && CityId is { } city)
        {
            return city;
        }

        return (await GroupOfAsync(db, editionId, cancellationToken))?.CityId;
    }

    /// <summary>The group an Interpreter or a Participant belongs to in the edition, if any.</summary>
    public async Task<Group?> GroupOfAsync(TmsswDbContext db, int editionId, CancellationToken cancellationToken)
    {
        int? groupId = null;
        if (IsInterpreter && GroupId is { } g)
        {
            groupId = g;
        }
        else if (IsParticipant && ParticipantId is { } p)
        {
            groupId = await db.Participants.AsNoTracking().Where(x => x.Id == p).Select(x => x.GroupId).FirstOrDefaultAsync(cancellationToken);
        }

        return groupId is null
            ? null
            : await db.Groups.AsNoTracking().FirstOrDefaultAsync(x => x.Id == groupId && x.EditionId == editionId, cancellationToken);
    }

    /// <summary>
    /// Importing a nominations file into an edition: the edition's runners, and a Nominator who has a
    /// country (each row is then held to it by <see cref="MayNominate"/>).
    /// </summary>
    public bool MayImportInto(int editionId) => RunsEdition(editionId) || (IsNominator && Country is not null);

    /// <summary>
    /// Whether an import preview may say which participant a row matches when the match rests on a
    /// passport number or a date of birth: only those who may see those fields. Everyone else gets
    /// "possible duplicate: staff will review", so the preview cannot confirm a value they may not see.
    /// </summary>
    public bool MaySeeSensitiveMatches(int editionId) => MaySeeSensitive(editionId);

    /// <summary>A participant's itinerary (and feed): the participant themself and the edition's runners.</summary>
    public bool MaySeeItineraryOf(int editionId, int participantId) =>
        RunsEdition(editionId) || (IsParticipant && ParticipantId == participantId);

    /// <summary>
    /// A group's itinerary: the edition's runners, the group's Interpreter, its Participants (with
    /// their fellow members' names and countries only), and the Host of its city, who sees only
    /// the part in that city (<see cref="SeesGroupOnlyInCity"/>).
    /// </summary>
    public async Task<bool> MaySeeGroupItineraryAsync(TmsswDbContext db, int editionId, Group group, CancellationToken cancellationToken)
    {
        if (RunsEdition(editionId) || SeesGroupOnlyInCity(editionId, group) || (IsInterpreter && GroupId == group.Id))
        {
            return true;
        }

        return IsParticipant && (await GroupOfAsync(db, editionId, cancellationToken))?.Id == group.Id;
    }

    /// <summary>A Host sees the group of its city while it is there, not the rest of the three weeks.</summary>
    public bool SeesGroupOnlyInCity(int editionId, Group group) =>
        !RunsEdition(editionId) && !(IsInterpreter && GroupId == group.Id) && IsHost && CityId == group.CityId;

    /// <summary>An interpreter's itinerary (their group's): the edition's runners and that group's Interpreter.</summary>
    public bool MaySeeInterpreterItinerary(int editionId, int groupId) =>
        RunsEdition(editionId) || (IsInterpreter && GroupId == groupId);

    /// <summary>A host organization's itinerary (the group in its city): the edition's runners and Hosts of that city.</summary>
    public bool MaySeeHostItinerary(int editionId, string hostCityId) =>
        RunsEdition(editionId) || (IsHost && CityId == hostCityId);

    /// <summary>The whole edition's program in one itinerary or feed: its runners only.</summary>
    public bool MaySeeEditionItinerary(int editionId) => RunsEdition(editionId);

    /// <summary>The conference's outside guests (their list, approval, refusal, the per-session cap): the edition's runners only.</summary>
    public bool MayManageGuests(int editionId) => RunsEdition(editionId);

    /// <summary>Checking badges in at the conference door: Admin and the edition's Staff only.</summary>
    public bool MayCheckIn(int editionId) => RunsEdition(editionId);

    /// <summary>Who attended which conference session (and its exports): the edition's runners only.</summary>
    public bool MaySeeAttendance(int editionId) => RunsEdition(editionId);

    /// <summary>
    /// An edition's evaluation report (page, PDF, XLSX, JSON): the edition's runners. There is no role for
    /// the bureau's program officers; an Admin account stands for them.
    /// </summary>
    public bool MaySeeEvaluation(int editionId) => RunsEdition(editionId);

    /// <summary>An edition's performance indicators and targets: set and changed by its runners.</summary>
    public bool MayEditIndicators(int editionId) => RunsEdition(editionId);

    /// <summary>The ten-year view (aggregate counts and published figures per year): Admin and any Staff.</summary>
    public bool MaySeeTenYearView() => IsAdmin || IsStaff;

    /// <summary>Program items, travel legs and lodging: created, changed and cancelled by the edition's runners.</summary>
    public bool MayEditProgram(int editionId) => RunsEdition(editionId);

    /// <summary>
    /// The conference agenda's draft (sessions, rooms, venue hours, speakers) and its publication: the
    /// edition's runners only. Everyone, signed in or not, reads the latest published version.
    /// </summary>
    public bool MayEditAgenda(int editionId) => RunsEdition(editionId);

    /// <summary>
    /// A city's countdown tasks, households and home-hospitality evening: the edition's runners every
    /// city; a Host (the city's community partner) its own city only.
    /// </summary>
    public bool MaySeePartnerWork(int editionId, string cityId) =>
        RunsEdition(editionId) || (IsHost && CityId is not null && string.Equals(CityId, cityId, StringComparison.Ordinal));

    /// <summary>
    /// The city a partner list (tasks, households) is held to: the same reach as <see cref="HostCity"/>
    /// (the community partner is the city's Host): runners choose one or all (null); a Host gets its own
    /// city, and naming another is refused; anyone else is refused.
    /// </summary>
    public (bool Allowed, string? CityId) PartnerCity(int editionId, string? requested) => HostCity(editionId, requested);

    /// <summary>An edition's countdown templates (the steps and their offsets): its runners only.</summary>
    public bool MayEditCountdown(int editionId) => RunsEdition(editionId);

    /// <summary>
    /// The e-mail outbox (review, edit, approve, discard, send): Admins every message; Staff the messages
    /// of their editions and those of no edition. Nobody else sees a message before it is sent.
    /// </summary>
    public bool MayReviewMail(int? editionId) => IsAdmin || (IsStaff && (editionId is null || EditionIds.Contains(editionId.Value)));

    /// <summary>An edition's surveys (the builder, the invitations, the personal links): its runners only.</summary>
    public bool MayBuildSurveys(int editionId) => RunsEdition(editionId);

    /// <summary>Which objectives a meeting offer, program item or conference session serves: the edition's runners only.</summary>
    public bool MaySetObjectives(int editionId) => RunsEdition(editionId);

    /// <summary>
    /// A survey invitation in someone's own list (and its link): a Participant their own; a Host the
    /// host-community invitations of its city's organizations. Answering through the link needs no account.
    /// </summary>
    public bool OwnsInvitation(int? participantId, string? hostCityId) =>
        (IsParticipant && participantId is not null && ParticipantId == participantId)
        || (IsHost && hostCityId is not null && CityId == hostCityId);
    /// <summary>
    /// An alumnus: a signed-in Participant whose own record is Completed (<see cref="AlumnusFacts"/>, read from
    /// the data on every request). Nothing ends a participant's account when the program ends; the status
    /// adds the alumni pages to what the account reaches.
    /// </summary>
    public bool IsAlumnus => IsParticipant && Alumnus is not null && Alumnus.ParticipantId == ParticipantId;

    /// <summary>The alumni directory (and its API and CLI): alumni and program staff (any edition: alumni span editions).</summary>
    public bool MayBrowseAlumni => IsAlumnus || IsStaff || IsAdmin;

    /// <summary>Starting threads and replying in the knowledge exchange: alumni only.</summary>
    public bool MayWriteThreads => IsAlumnus;

    /// <summary>Reports, hiding and unhiding posts, inviting alumni of earlier editions: Admin and Staff.</summary>
    public bool MayModerateAlumni => IsStaff || IsAdmin;

    public void EnsureMayBrowseAlumni()
    {
        if (!MayBrowseAlumni)
        {
            throw new OutOfScopeException("the alumni directory");
        }
    }

    /// <summary>
    /// THE visibility rule of the knowledge exchange (TLP 2.0). Every query, page, API answer, CLI export and
    /// digest of threads goes through <see cref="ReadableThreads"/> or <see cref="ReadableReplies"/>, which
    /// apply this expression in the database:
    /// CLEAR anyone (signed in or not); GREEN every alumnus and staff; AMBER the alumni whose themes include
    /// the audience theme or whose region is the audience region; AMBER+STRICT the alumni of the author's agency;
    /// RED the named recipients. The author always reads their own thread. Staff (moderators) read AMBER,
    /// AMBER+STRICT and RED threads only once a reader has reported them. A hidden thread is gone for everyone
    /// but staff, who see it marked hidden.
    /// </summary>
    public static Expression<Func<AlumniThread, bool>> ThreadReadableBy(UserScope? scope)
    {
        var moderator = scope?.MayModerateAlumni == true;
        var alumnus = scope is { IsAlumnus: true } ? scope.Alumnus : null;
        var isAlumnus = alumnus is not null;
        var participantId = alumnus?.ParticipantId ?? -1;
        var themes = alumnus?.Themes.ToList() ?? [];
        var region = alumnus?.Region ?? "";
        var agency = alumnus?.AgencyKey ?? "";
        return t => (moderator || t.HiddenAt == null)
            && (t.Tlp == Tlp.Clear
                || (moderator && (t.Tlp == Tlp.Green || t.Reports.Any()))
                || (isAlumnus
                    && (t.AuthorParticipantId == participantId
                        || t.Tlp == Tlp.Green
                        || (t.Tlp == Tlp.Amber
                            && ((t.AudienceTheme != null && themes.Contains(t.AudienceTheme))
                                || (t.AudienceRegion != null && region != "" && t.AudienceRegion == region)))
                        || (t.Tlp == Tlp.AmberStrict && agency != "" && t.AgencyKey == agency)
                        || (t.Tlp == Tlp.Red && t.Recipients.Any(r => r.ParticipantId == participantId)))));
    }

    /// <summary>The threads someone (null: an anonymous visitor) may read; see <see cref="ThreadReadableBy"/>.</summary>
    public static IQueryable<AlumniThread> ReadableThreads(UserScope? scope, TmsswDbContext db) =>
        db.AlumniThreads.AsNoTracking().Where(ThreadReadableBy(scope));

    /// <summary>The replies someone may read: exactly the readers of their thread (a reply has no label of its own); hidden ones for staff only.</summary>
    public static IQueryable<AlumniReply> ReadableReplies(UserScope? scope, TmsswDbContext db)
    {
        var moderator = scope?.MayModerateAlumni == true;
        var threads = ReadableThreads(scope, db).Select(t => t.Id);
        return db.AlumniReplies.AsNoTracking().Where(r => (moderator || r.HiddenAt == null) && threads.Contains(r.ThreadId));
    }

    /// <summary>API tokens: each person manages their own; an Admin may revoke anyone's.</summary>
    public bool MayManageToken(string ownerUserId) => ownerUserId == UserId || IsAdmin;
}
