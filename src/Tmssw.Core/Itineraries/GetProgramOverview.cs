using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Itineraries;

/// <summary>A conflict in one participant's program, for the staff pages.</summary>
public sealed record PersonConflict(int ParticipantId, string ParticipantName, ItineraryConflict Conflict);

/// <summary>A phase's program items, legs and stays, with every participant's conflicts and the choices the forms need.</summary>
public sealed record ProgramOverview(
    int EditionId,
    int Year,
    string EditionTitle,
    PhaseKind? Phase,
    IReadOnlyList<ProgramItem> Items,
    IReadOnlyList<TravelLeg> Legs,
    IReadOnlyList<Lodging> Lodgings,
    IReadOnlyList<PersonConflict> Conflicts,
    IReadOnlyDictionary<int, string> GroupNames,
    IReadOnlyDictionary<int, string> ParticipantNames,
    IReadOnlyDictionary<int, string> GroupCities)
{
    public IEnumerable<PersonConflict> ConflictsOf(string uid) => Conflicts.Where(c => c.Conflict.Uid == uid || c.Conflict.OtherUid == uid);

    public string AudienceOf(ProgramEntity e) => e.Audience switch
    {
        Audience.Cohort => "Everyone",
        Audience.Group => e.GroupId is { } g && GroupNames.TryGetValue(g, out var n) ? n : "A group",
        _ => string.Join(", ", e.ParticipantIds.Select(id => ParticipantNames.GetValueOrDefault(id, $"#{id}"))),
    };
}

/// <summary>What the staff program pages show: one phase (or all) of an edition, conflicts flagged. The edition's runners only.</summary>
public sealed class GetProgramOverview(TmsswDbContext db)
{
    public async Task<ProgramOverview> RunAsync(UserScope scope, int year, PhaseKind? phase, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year, ct)
            ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditProgram(edition.Id))
        {
            throw new OutOfScopeException($"the {year} program");
        }

        var data = await ProgramData.LoadAsync(db, edition, ct);
        var conflicts = new List<PersonConflict>();
        foreach (var person in data.People.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var planned = data.For(e => e.Includes(person.Id, person.GroupId), person.GroupId is { } g ? [g] : [], publishedOnly: false);
            conflicts.AddRange(ItineraryConflicts.Find(planned).Select(c => new PersonConflict(person.Id, person.Name, c)));
        }

        bool InPhase(ProgramEntity e) => phase is null || e.Phase == phase;
        return new ProgramOverview(
            edition.Id,
            edition.Year,
            edition.Title,
            phase,
            [.. data.Items.Where(InPhase).OrderBy(i => i.Start)],
            [.. data.Legs.Where(InPhase).OrderBy(l => l.Departure)],
            [.. data.Lodgings.Where(InPhase).OrderBy(l => l.CheckIn)],
            conflicts,
            data.Groups.ToDictionary(g => g.Id, g => g.Name),
            data.People.ToDictionary(p => p.Id, p => p.Name),
            data.Groups.ToDictionary(g => g.Id, g => g.CityId));
    }
}
