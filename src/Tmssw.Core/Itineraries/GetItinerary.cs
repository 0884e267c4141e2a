using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// Assembles an itinerary from every phase: the program items (Washington plenary, Tampa / St.
/// Petersburg workshop, site visits, New York conference), the travel legs, the lodging, the city
/// meetings the scheduler placed and the conference sessions. Each entry is in the local time of
/// where it happens. Every method enforces the caller's scope (<see cref="UserScope"/>) and throws
/// <see cref="OutOfScopeException"/> (answered as 404) otherwise, also for an edition that does not exist.
/// </summary>
public sealed class GetItinerary(TmsswDbContext db)
{
    /// <summary>One participant's three weeks: the cohort's items, their group's and their own.</summary>
    public async Task<Itinerary> ForParticipantAsync(UserScope scope, int year, int participantId, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.EditionId == edition.Id, ct);
        if (participant is null || !scope.MaySeeItineraryOf(edition.Id, participantId))
        {
            throw new OutOfScopeException($"the itinerary of participant #{participantId}");
        }

        var data = await ProgramData.LoadAsync(db, edition, ct, peopleOfGroups: participant.GroupId is { } own ? [own] : []);
        var group = data.Groups.FirstOrDefault(g => g.Id == participant.GroupId);
        var planned = data.For(p => p.Includes(participant.Id, group?.Id), group is null ? [] : [group.Id], publishedOnly: !scope.RunsEdition(edition.Id));
        return data.Build(
            planned,
            participant.FullName,
            CountryName(participant.Country),
            group,
            participant.InterpretationLanguage,
            group is null ? [] : data.Roster(group.Id));
    }

    /// <summary>A city group's three weeks (city slug, e.g. <c>phoenix</c>); a Host sees only the group's days in its city.</summary>
    public async Task<Itinerary> ForGroupAsync(UserScope scope, int year, string city, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        var cityId = city.Trim().ToLowerInvariant();
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == edition.Id && g.CityId == cityId, ct);
        if (group is null || !await scope.MaySeeGroupItineraryAsync(db, edition.Id, group, ct))
        {
            throw new OutOfScopeException($"the itinerary of the {year} group in {cityId}");
        }

        var onlyInCity = scope.SeesGroupOnlyInCity(edition.Id, group) ? group.CityId : null;
        return await GroupItineraryAsync(scope, edition, group, group.Name, onlyInCity, ct);
    }

    /// <summary>
    /// An interpreter's itinerary, which is their group's: <paramref name="interpreterUserIdOrId"/> is the
    /// id of the group they interpret for (an Interpreter's <see cref="UserScope.GroupId"/>).
    /// </summary>
    public async Task<Itinerary> ForInterpreterAsync(UserScope scope, int year, int interpreterUserIdOrId, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == edition.Id && g.Id == interpreterUserIdOrId, ct);
        if (group is null || !scope.MaySeeInterpreterItinerary(edition.Id, group.Id))
        {
            throw new OutOfScopeException($"the interpreter's itinerary of group #{interpreterUserIdOrId}");
        }

        var owner = string.IsNullOrWhiteSpace(group.InterpreterName) ? $"Interpreter, {group.Name}" : group.InterpreterName;
        return await GroupItineraryAsync(scope, edition, group, owner, null, ct);
    }

    /// <summary>A host organization's view: the group of its city, only while the group is in that city.</summary>
    public async Task<Itinerary> ForHostAsync(UserScope scope, int year, int hostId, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        var host = await db.HostOrganizations.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hostId, ct);
        if (host is null || !scope.MaySeeHostItinerary(edition.Id, host.CityId))
        {
            throw new OutOfScopeException($"the itinerary of host #{hostId}");
        }

        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == edition.Id && g.CityId == host.CityId, ct);
        if (group is null)
        {
            var data = await ProgramData.LoadAsync(db, edition, ct, peopleOfGroups: []);
            return data.Build([], host.Name, null, null, null, []);
        }

        return await GroupItineraryAsync(scope, edition, group, host.Name, host.CityId, ct);
    }

    /// <summary>The whole edition: every item, every group's meetings (the edition's runners only).</summary>
    public async Task<Itinerary> ForEditionAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        if (!scope.MaySeeEditionItinerary(edition.Id))
        {
            throw new OutOfScopeException($"the {year} program");
        }

        var data = await ProgramData.LoadAsync(db, edition, ct, peopleOfGroups: []);
        var planned = data.For(_ => true, [.. data.Groups.Select(g => g.Id)], publishedOnly: false);
        return data.Build(planned, edition.Title, null, null, null, []);
    }

    /// <summary>The planned entries of one participant, with the places they are in (for conflicts); staff only.</summary>
    public async Task<IReadOnlyList<PlannedEntry>> PlannedForParticipantAsync(UserScope scope, int year, int participantId, CancellationToken ct = default)
    {
        var edition = await EditionAsync(year, ct);
        scope.EnsureRunsEdition(edition.Id);
        var participant = await db.Participants.AsNoTracking().FirstAsync(p => p.Id == participantId && p.EditionId == edition.Id, ct);
        var data = await ProgramData.LoadAsync(db, edition, ct, peopleOfGroups: []);
        return data.For(p => p.Includes(participant.Id, participant.GroupId), participant.GroupId is { } g ? [g] : [], publishedOnly: false);
    }

    private async Task<Itinerary> GroupItineraryAsync(UserScope scope, Edition edition, Group group, string owner, string? onlyInCity, CancellationToken ct)
    {
        var data = await ProgramData.LoadAsync(db, edition, ct, peopleOfGroups: [group.Id]);
        var members = data.Members(group.Id);
        var planned = data.For(p => p.Concerns(group.Id, members), [group.Id], publishedOnly: !scope.RunsEdition(edition.Id) && onlyInCity is null);
        if (onlyInCity is not null)
        {
            planned = [.. planned.Where(p => p.CityId == onlyInCity || p.ArrivalCityId == onlyInCity)];
        }

        return data.Build(planned, owner, null, group, null, data.Roster(group.Id));
    }

    private async Task<Edition> EditionAsync(int year, CancellationToken ct) =>
        await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year, ct)
        ?? throw new OutOfScopeException($"edition {year}");

    internal static string CountryName(string code) => Countries.FindByCode(code)?.Name ?? code;
}

/// <summary>
/// An itinerary entry with where it happens (catalog city ids) and where it comes from, so that
/// conflicts and the host's in-city view can be decided without parsing text.
/// </summary>
public sealed record PlannedEntry(ItineraryEntry Entry, string? CityId, string? ArrivalCityId, string Source, int SourceId);

/// <summary>Everything of one edition's program, loaded once per request.</summary>
internal sealed class ProgramData
{
    public required Edition Edition { get; init; }
    public required List<Group> Groups { get; init; }
    public required List<ProgramItem> Items { get; init; }
    public required List<TravelLeg> Legs { get; init; }
    public required List<Lodging> Lodgings { get; init; }
    public required List<MeetingRow> Meetings { get; init; }
    public required HashSet<int> PublishedGroups { get; init; }
    /// <summary>The conference agenda as staff are editing it (what its runners see).</summary>
    public required Conference.AgendaSnapshot DraftAgenda { get; init; }

    /// <summary>The latest published agenda version (what participants and their feeds see); empty before the first.</summary>
    public required Conference.AgendaSnapshot PublishedAgenda { get; init; }
    /// <summary>The edition's people (not withdrawn or declined): all of them, or only the members of the groups asked for.</summary>
    public required List<(int Id, int? GroupId, string Name, string Country)> People { get; init; }
    public required List<ItineraryContact> Staff { get; init; }
    public required Dictionary<int, int> MeetingChanges { get; init; }

    internal sealed record MeetingRow(Meeting Meeting, string Topic, string HostName, Hosts.Venue? Venue, string CityId);

    /// <param name="peopleOfGroups">
    /// Whose names to load: null for the whole edition (the program overview's conflicts), else only the
    /// members of these groups (a rosters' worth, not ten thousand rows for one person's calendar).
    /// </param>
    public static async Task<ProgramData> LoadAsync(TmsswDbContext db, Edition edition, CancellationToken ct, IReadOnlyCollection<int>? peopleOfGroups = null)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == edition.Id).OrderBy(g => g.Name).ToListAsync(ct);
        var groupIds = groups.Select(g => g.Id).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.EditionId == edition.Id).ToListAsync(ct);
        var offerIds = meetings.Select(m => m.MeetingOfferId).Distinct().ToList();
        var offers = await db.MeetingOffers.AsNoTracking().Include(o => o.Host).ThenInclude(h => h!.Venue).Include(o => o.Venue)
            .Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var groupCity = groups.ToDictionary(g => g.Id, g => g.CityId);
        var rows = meetings
            .Where(m => groupCity.ContainsKey(m.GroupId))
            .Select(m =>
            {
                offers.TryGetValue(m.MeetingOfferId, out var o);
                return new MeetingRow(m, o?.Topic ?? "Meeting", o?.Host?.Name ?? "", o?.Venue ?? o?.Host?.Venue, groupCity[m.GroupId]);
            })
            .ToList();
        var meetingKeys = meetings.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var changes = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == "Meeting" && meetingKeys.Contains(a.EntityId) && (a.Action == "MeetingMoved" || a.Action == "MeetingStatus"))
                .Select(a => a.EntityId)
                .ToListAsync(ct))
            .GroupBy(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        var staffIds = db.StaffAssignments.Where(s => s.EditionId == edition.Id).Select(s => s.UserId);
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.DisplayName, u.PhoneNumber, u.Email }).Take(3).ToListAsync(ct);
        var contacts = staff.Select(s => new ItineraryContact("Program staff", s.DisplayName, s.PhoneNumber, s.Email)).ToList();
        if (contacts.Count == 0)
        {
            contacts.Add(new ItineraryContact("Program staff", edition.ImplementingPartner ?? "Program staff", null, edition.ContactEmail));
        }

        var everyone = db.Participants.AsNoTracking()
            .Where(p => p.EditionId == edition.Id && p.Status != NominationStatus.Withdrawn && p.Status != NominationStatus.Declined);
        if (peopleOfGroups is not null)
        {
            var wanted = peopleOfGroups.ToList();
            everyone = everyone.Where(p => p.GroupId != null && wanted.Contains(p.GroupId.Value));
        }

        var people = (peopleOfGroups is { Count: 0 } ? [] : await everyone
                .Select(p => new { p.Id, p.GroupId, p.GivenName, p.FamilyName, p.Country })
                .ToListAsync(ct))
            .Select(p => (p.Id, p.GroupId, $"{p.GivenName} {p.FamilyName}", p.Country))
            .ToList();

        var sessions = await db.ConferenceSessions.AsNoTracking().Include(s => s.Room).Include(s => s.Speakers)
            .Where(s => s.EditionId == edition.Id).ToListAsync(ct);
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.EditionId == edition.Id).ToListAsync(ct);
        var published = await db.AgendaVersions.AsNoTracking().Where(v => v.EditionId == edition.Id)
            .OrderByDescending(v => v.Number).Select(v => v.SnapshotJson).FirstOrDefaultAsync(ct);

        return new ProgramData
        {
            Edition = edition,
            Groups = groups,
            Items = await db.ProgramItems.AsNoTracking().Where(i => i.EditionId == edition.Id).ToListAsync(ct),
            Legs = await db.TravelLegs.AsNoTracking().Where(i => i.EditionId == edition.Id).ToListAsync(ct),
            Lodgings = await db.Lodgings.AsNoTracking().Where(i => i.EditionId == edition.Id).ToListAsync(ct),
            Meetings = rows,
            PublishedGroups = [.. await db.SchedulePublications.AsNoTracking().Where(p => groupIds.Contains(p.GroupId)).Select(p => p.GroupId).ToListAsync(ct)],
            DraftAgenda = Conference.AgendaSnapshot.Of(sessions, speakers),
            PublishedAgenda = published is null ? Conference.AgendaSnapshot.Empty : Conference.AgendaSnapshot.FromJson(published),
            People = people,
            Staff = contacts,
            MeetingChanges = changes,
        };
    }

    public IReadOnlyCollection<int> Members(int groupId) => People.Where(p => p.GroupId == groupId).Select(p => p.Id).ToHashSet();

    public IReadOnlyList<RosterLine> Roster(int groupId) =>
        [.. People.Where(p => p.GroupId == groupId).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new RosterLine(p.Name, GetItinerary.CountryName(p.Country)))];

    /// <summary>The entries of whoever <paramref name="includes"/> accepts, with the meetings of <paramref name="groupIds"/>.</summary>
    public List<PlannedEntry> For(Func<ProgramEntity, bool> includes, IReadOnlyCollection<int> groupIds, bool publishedOnly)
    {
        var interpreterOf = Groups.ToDictionary(g => g.Id, g => g.InterpreterName);
        string? Interpreter(ProgramEntity e) =>
            e.GroupId is { } g ? interpreterOf.GetValueOrDefault(g) : groupIds.Count == 1 ? interpreterOf.GetValueOrDefault(groupIds.First()) : null;

        var list = new List<PlannedEntry>();
        foreach (var i in Items.Where(x => includes(x)))
        {
            var city = i.CityId is null ? null : CityCatalog.All.FirstOrDefault(c => c.Id == i.CityId);
            list.Add(new PlannedEntry(
                new ItineraryEntry(
                    i.Uid, i.Kind, i.Title, i.Start, i.End, i.TimeZone, null, i.VenueName, i.Address, i.Latitude, i.Longitude,
                    city?.DisplayName, i.Description, i.HostName, Interpreter(i), i.Sequence, i.Cancelled),
                i.CityId, null, "item", i.Id));
        }

        foreach (var l in Legs.Where(x => includes(x)))
        {
            var from = Airports.Find(l.FromAirport);
            var to = Airports.Find(l.ToAirport);
            var fromCity = from is null ? null : CityCatalog.All.FirstOrDefault(c => c.Id == from.CityId);
            var toCity = to is null ? null : CityCatalog.All.FirstOrDefault(c => c.Id == to.CityId);
            var title = $"Flight {l.Carrier} {l.FlightNumber}: {l.FromAirport} → {l.ToAirport}".Replace("  ", " ", StringComparison.Ordinal);
            var description = $"Departs {from?.Name ?? l.FromAirport} at {l.Departure:HH:mm} local time, arrives {to?.Name ?? l.ToAirport} at {l.Arrival:HH:mm} local time."
                + (string.IsNullOrWhiteSpace(l.Notes) ? "" : " " + l.Notes);
            list.Add(new PlannedEntry(
                new ItineraryEntry(
                    l.Uid, ItineraryEntryKind.Travel, title, l.Departure, l.Arrival, from?.TimeZone ?? "UTC", to?.TimeZone ?? "UTC",
                    from?.Name ?? l.FromAirport, from?.Name, from?.Latitude, from?.Longitude, fromCity?.DisplayName, description,
                    null, Interpreter(l), l.Sequence, l.Cancelled),
                from?.CityId, to?.CityId, "leg", l.Id));
        }

        foreach (var h in Lodgings.Where(x => includes(x)))
        {
            var city = h.CityId is null ? null : CityCatalog.All.FirstOrDefault(c => c.Id == h.CityId);
            var description = $"Check-in from {Lodging.CheckInTime:HH:mm} on {h.CheckIn:ddd MMM d}, check-out by {Lodging.CheckOutTime:HH:mm} on {h.CheckOut:ddd MMM d}."
                + (string.IsNullOrWhiteSpace(h.Phone) ? "" : $" Hotel phone: {h.Phone}.");
            list.Add(new PlannedEntry(
                new ItineraryEntry(
                    h.Uid, ItineraryEntryKind.Lodging, $"Hotel: {h.HotelName}", h.CheckIn.ToDateTime(Lodging.CheckInTime), h.CheckOut.ToDateTime(Lodging.CheckOutTime),
                    h.TimeZone, null, h.HotelName, h.Address, h.Latitude, h.Longitude, city?.DisplayName, description, null, null, h.Sequence, h.Cancelled),
                h.CityId, null, "lodging", h.Id));
        }

        foreach (var m in Meetings.Where(m => groupIds.Contains(m.Meeting.GroupId) && (!publishedOnly || PublishedGroups.Contains(m.Meeting.GroupId))))
        {
            var city = CityCatalog.All.FirstOrDefault(c => c.Id == m.CityId);
            var description = m.Meeting.Status switch
            {
                MeetingStatus.Confirmed or MeetingStatus.Thanked => "Confirmed meeting.",
                MeetingStatus.Declined => "The host declined this meeting.",
                _ => "Meeting being arranged (not yet confirmed by the host).",
            };
            list.Add(new PlannedEntry(
                new ItineraryEntry(
                    $"meeting-{m.Meeting.Id}", ItineraryEntryKind.Meeting, m.Topic, m.Meeting.Start, m.Meeting.End, city?.TimeZone ?? "UTC", null,
                    m.Venue?.Name ?? m.HostName, m.Venue?.Address, m.Venue?.Latitude, m.Venue?.Longitude, city?.DisplayName, description,
                    m.HostName, interpreterOf.GetValueOrDefault(m.Meeting.GroupId), MeetingChanges.GetValueOrDefault(m.Meeting.Id),
                    m.Meeting.Status == MeetingStatus.Declined),
                m.CityId, null, "meeting", m.Meeting.Id));
        }

        if (includes(new ProgramItem { Audience = Audience.Cohort }))
        {
            // The conference: the latest published agenda version for participants (changes reach them
            // when staff publish, with SEQUENCE raised and cancelled sessions marked); the draft for runners.
            var place = Conference.ConferencePlace.From(Items);
            var agenda = publishedOnly ? PublishedAgenda : DraftAgenda;
            var interpreter = groupIds.Count == 1 ? interpreterOf.GetValueOrDefault(groupIds.First()) : null;
            foreach (var s in agenda.Sessions)
            {
                list.Add(new PlannedEntry(place.Entry(s, agenda, interpreter), place.CityId, null, "conference", s.Id));
            }
        }

        return [.. list.OrderBy(p => p.Entry.StartInstant).ThenBy(p => p.Entry.Title, StringComparer.Ordinal)];
    }

    public Itinerary Build(IReadOnlyList<PlannedEntry> planned, string owner, string? country, Group? group, string? language, IReadOnlyList<RosterLine> roster)
    {
        var contacts = new List<ItineraryContact>(Staff);
        if (group is not null && !string.IsNullOrWhiteSpace(group.InterpreterName))
        {
            contacts.Add(new ItineraryContact("Interpreter", group.InterpreterName));
        }

        contacts.Add(new ItineraryContact("Emergency (police, fire, ambulance)", "911", "911"));
        return new Itinerary(
            Edition.Year,
            Edition.Title,
            owner,
            country,
            group?.Name,
            language,
            [.. Edition.Objectives.OrderBy(o => o.Number).Select(o => o.Text)],
            contacts,
            roster,
            [.. planned.Select(p => p.Entry)]);
    }
}
