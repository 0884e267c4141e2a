using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Hosts;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Participants;
using Tmssw.Core.Splits;
using Tmssw.Planning;
using Tmssw.Planning.Partners;

namespace Tmssw.Core.Partners;

public sealed record HospitalityGuestView(int ParticipantId, string Name, string Country, IReadOnlyList<string> Languages, IReadOnlyList<string> Diets, bool NeedsStepFree);

public sealed record PlannedHome(int HouseholdId, string Name, int Capacity, IReadOnlyList<HospitalityGuestView> Guests, IReadOnlyList<string> InterpreterLanguages);

/// <summary>Someone the plan could not place: a participant (id) or an interpreter (language), with the reason.</summary>
public sealed record UnplacedView(int? ParticipantId, string? InterpreterLanguage, string Name, string Reason);

/// <summary>A proposed (or saved) evening: who dines where, and who could not be placed and why.</summary>
public sealed record HospitalityPlan(
    int Year,
    City City,
    int GroupId,
    string GroupName,
    DateOnly Evening,
    DateTime Start,
    DateTime End,
    PlanningStatus Status,
    IReadOnlyList<PlannedHome> Homes,
    IReadOnlyList<UnplacedView> Unplaced,
    int FreeHouseholds,
    double Seconds);

/// <summary>What the hospitality use cases load about a city group: its members, interpreters, homes and evening.</summary>
internal sealed record HospitalitySource(
    int EditionId,
    City City,
    Group Group,
    IReadOnlyList<Participant> Members,
    IReadOnlyList<Household> Households,
    DateOnly Evening,
    DateTime Start,
    DateTime End)
{
    public static readonly TimeOnly DefaultStart = new(18, 30);
    public static readonly TimeOnly DefaultEnd = new(21, 0);

    public static string InterpreterKey(string language) => "i:" + language;

    public IReadOnlyList<Household> Free => [.. Households.Where(h => h.FreeEvenings.Contains(Evening))];

    public HospitalityInstance Instance() => new(
        [
            .. Members.Select(p => new HospitalityGuest(
                p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Languages, Diets.Of(p.DietaryNeeds), Diets.NeedsStepFree(p.AccessibilityNeeds))),
            .. Group.InterpretationLanguages.Select(l => new HospitalityGuest(InterpreterKey(l), [l, "en"], [], false, IsInterpreter: true)),
        ],
        [.. Free.Select(h => new HospitalityHome(h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Capacity, h.Languages, h.CannotServe, h.StepFreeAccess))]);

    public static HospitalityGuestView View(Participant p) =>
        new(p.Id, p.FullName, p.Country, p.Languages, Diets.Of(p.DietaryNeeds), Diets.NeedsStepFree(p.AccessibilityNeeds));

    /// <summary>
    /// Loads a city group for an evening. Without a date: the group's own home-hospitality dinner in the
    /// program if it has one, else the evening of its stay with the most free places in households.
    /// </summary>
    public static async Task<(HospitalitySource? Source, string? Error)> LoadAsync(TmsswDbContext db, UserScope scope, int year, string cityId, DateOnly? evening, CancellationToken ct)
    {
        if (await PartnerEditions.IdAsync(db, year, ct) is not { } editionId)
        {
            return (null, $"No edition {year}.");
        }

        var id = cityId.Trim().ToLowerInvariant();
        if (!scope.MaySeePartnerWork(editionId, id))
        {
            throw new OutOfScopeException($"home hospitality in {cityId}");
        }

        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (city is null)
        {
            return (null, $"No city '{cityId}'.");
        }

        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == editionId && g.CityId == id, ct);
        if (group is null)
        {
            return (null, $"The {year} edition has no group in {city.DisplayName}.");
        }

        var members = await db.Participants.AsNoTracking()
            .Where(p => p.GroupId == group.Id && p.Status != NominationStatus.Withdrawn && p.Status != NominationStatus.Declined)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var homes = await db.Households.AsNoTracking().Where(h => h.EditionId == editionId && h.CityId == id).OrderBy(h => h.Id).ToListAsync(ct);
        var dinners = await db.ProgramItems.AsNoTracking()
            .Where(i => i.EditionId == editionId && i.Kind == ItineraryEntryKind.HomeHospitality && i.CityId == id
                && ((i.Audience == Audience.Group && i.GroupId == group.Id) || i.Uid.StartsWith(SaveHospitality.UidPrefix(group.Id))))
            .OrderBy(i => i.Cancelled).ThenBy(i => i.Start).ToListAsync(ct);

        DateOnly day;
        if (evening is { } chosen)
        {
            day = chosen;
        }
        else if (dinners.Count > 0)
        {
            day = DateOnly.FromDateTime(dinners[0].Start);
        }
        else if (await GroupDates.OfAsync(db, group, ct) is { } stay)
        {
            var days = Enumerable.Range(0, Math.Max(1, stay.Departure.DayNumber - stay.Arrival.DayNumber)).Select(stay.Arrival.AddDays).ToList();
            day = days.OrderByDescending(d => homes.Where(h => h.FreeEvenings.Contains(d)).Sum(h => h.Capacity)).ThenBy(d => d).First();
        }
        else
        {
            return (null, $"The {city.DisplayName} group has no dates yet: give its hotel stay first, or name the evening.");
        }

        var dinner = dinners.FirstOrDefault(d => DateOnly.FromDateTime(d.Start) == day);
        var start = dinner?.Start ?? day.ToDateTime(DefaultStart);
        var end = dinner?.End ?? day.ToDateTime(DefaultEnd);
        return (new HospitalitySource(editionId, city, group, members, homes, day, start, end), null);
    }
}

/// <summary>
/// A partner (its city) or staff place the city group's participants and interpreters in host homes for
/// one evening (<see cref="HospitalityPlanner"/>): a proposal to look at, saved by <see cref="SaveHospitality"/>.
/// </summary>
public sealed class PlanHospitality(TmsswDbContext db)
{
    public async Task<(HospitalityPlan? Plan, string? Error)> RunAsync(UserScope scope, int year, string cityId, DateOnly? evening = null, CancellationToken ct = default)
    {
        var (source, error) = await HospitalitySource.LoadAsync(db, scope, year, cityId, evening, ct);
        if (source is null)
        {
            return (null, error);
        }

        var result = HospitalityPlanner.Solve(source.Instance(), TimeSpan.FromSeconds(10));
        var byId = source.Members.ToDictionary(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var free = source.Free.ToDictionary(h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var homes = result.Homes.Select(h => new PlannedHome(
            free[h.HomeId].Id, free[h.HomeId].Name, h.Capacity,
            [.. h.Guests.Select(g => HospitalitySource.View(byId[g]))],
            [.. h.Interpreters.Select(i => i[2..])])).ToList();
        var unplaced = result.Unplaced.Select(u => u.IsInterpreter
            ? new UnplacedView(null, u.GuestId[2..], $"Interpreter ({Reference.Languages.NameOf(u.GuestId[2..])})", u.Reason)
            : new UnplacedView(byId[u.GuestId].Id, null, byId[u.GuestId].FullName, u.Reason)).ToList();
        return (new HospitalityPlan(year, source.City, source.Group.Id, source.Group.Name, source.Evening, source.Start, source.End,
            result.Status, homes, unplaced, free.Count, result.Seconds), null);
    }
}
