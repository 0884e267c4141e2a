using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Planning.Partners;

namespace Tmssw.Core.Partners;

/// <summary>One home of a placement to save: the household, its participants, and the interpreters (by language) placed there.</summary>
public sealed record HomeChoice(int HouseholdId, IReadOnlyList<int> ParticipantIds, IReadOnlyList<string> InterpreterLanguages);

/// <summary>
/// A partner (its city) or staff save a group's home-hospitality evening. The placement is checked
/// against every rule again (capacity, diets, access, a shared language or an interpreter); then each
/// home becomes a program item for its guests by name (kind HomeHospitality), so the dinner is in each
/// person's itinerary and calendar feed, the interpreter's and the group's. Saving again updates those
/// items (SEQUENCE raised) and cancels the ones of homes no longer used; the group's generic
/// "home hospitality dinner" item of that evening is cancelled, since the named ones replace it.
/// </summary>
public sealed class SaveHospitality(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public static string UidPrefix(int groupId) => $"hospitality-g{groupId}-";

    public async Task<Result> RunAsync(UserScope scope, int year, string cityId, DateOnly evening, IReadOnlyList<HomeChoice> homes, CancellationToken ct = default)
    {
        var (source, error) = await HospitalitySource.LoadAsync(db, scope, year, cityId, evening, ct);
        if (source is null)
        {
            return Result.Fail(error!);
        }

        var free = source.Free.ToDictionary(h => h.Id);
        var members = source.Members.ToDictionary(p => p.Id);
        var used = homes.Where(h => h.ParticipantIds.Count + h.InterpreterLanguages.Count > 0).ToList();
        foreach (var h in used)
        {
            if (!free.ContainsKey(h.HouseholdId))
            {
                return Result.Fail($"Household #{h.HouseholdId} is not one of {source.City.Name}'s households free on {evening:yyyy-MM-dd}.");
            }

            if (h.ParticipantIds.FirstOrDefault(p => !members.ContainsKey(p)) is var stranger and not 0)
            {
                return Result.Fail($"Participant #{stranger} is not in the {source.Group.Name} group.");
            }

            if (h.InterpreterLanguages.FirstOrDefault(l => !source.Group.InterpretationLanguages.Contains(l)) is { } lang)
            {
                return Result.Fail($"The group has no interpreter for '{lang}'.");
            }
        }

        var placement = used.Select(h => new HomePlacement(
            h.HouseholdId.ToString(CultureInfo.InvariantCulture), free[h.HouseholdId].Capacity,
            [.. h.ParticipantIds.Select(p => p.ToString(CultureInfo.InvariantCulture))],
            [.. h.InterpreterLanguages.Select(HospitalitySource.InterpreterKey)])).ToList();
        var violations = HospitalityPlanner.Violations(source.Instance(), placement);
        if (violations.Count > 0)
        {
            return Result.Fail("The placement breaks a rule: " + string.Join("; ", violations.Take(5)) + ".");
        }

        var now = clock.GetUtcNow();
        var group = source.Group;
        var old = await db.HospitalityEvenings.Include(e => e.Homes).FirstOrDefaultAsync(e => e.GroupId == group.Id, ct);
        if (old is not null)
        {
            db.HospitalityEvenings.Remove(old);
        }

        var prefix = UidPrefix(group.Id);
        var items = await db.ProgramItems.Where(i => i.EditionId == source.EditionId && i.Uid.StartsWith(prefix)).ToListAsync(ct);
        var generic = await db.ProgramItems.Where(i => i.EditionId == source.EditionId && i.Kind == ItineraryEntryKind.HomeHospitality
            && i.Audience == Audience.Group && i.GroupId == group.Id && !i.Cancelled).ToListAsync(ct);
        foreach (var g in generic.Where(g => DateOnly.FromDateTime(g.Start) == evening))
        {
            g.Cancelled = true;
            g.Sequence++;
            g.UpdatedAt = now;
        }

        var saved = new HospitalityEvening { EditionId = source.EditionId, GroupId = group.Id, Start = source.Start, End = source.End, SavedAt = now, SavedBy = scope.Name };
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in used)
        {
            var home = free[h.HouseholdId];
            var uid = prefix + "h" + home.Id.ToString(CultureInfo.InvariantCulture);
            keep.Add(uid);
            var item = items.FirstOrDefault(i => i.Uid == uid);
            if (item is null)
            {
                item = new ProgramItem { EditionId = source.EditionId, Uid = uid, Phase = PhaseKind.CitySplit, Kind = ItineraryEntryKind.HomeHospitality };
                db.ProgramItems.Add(item);
            }
            else
            {
                item.Sequence++;
            }

            var guests = h.ParticipantIds.Select(p => members[p].FullName).ToList();
            var interpreters = h.InterpreterLanguages.Select(l => $"the {Reference.Languages.NameOf(l)} interpreter").ToList();
            item.Cancelled = h.ParticipantIds.Count == 0;
            item.Audience = Audience.Participants;
            item.ParticipantIds = [.. h.ParticipantIds];
            item.GroupId = null;
            item.Title = $"Home hospitality dinner with {home.Name}";
            item.Description = "At the table: " + string.Join(", ", guests.Concat(interpreters)) + ".";
            item.CityId = source.City.Id;
            item.TimeZone = source.City.TimeZone;
            item.VenueName = home.Name;
            item.Address = home.Address;
            item.HostName = home.Name;
            item.Start = source.Start;
            item.End = source.End;
            item.UpdatedAt = now;
            saved.Homes.Add(new HospitalityHomeGuests { HouseholdId = home.Id, ParticipantIds = [.. h.ParticipantIds], InterpreterLanguages = [.. h.InterpreterLanguages] });
        }

        foreach (var stale in items.Where(i => !keep.Contains(i.Uid) && !i.Cancelled))
        {
            stale.Cancelled = true;
            stale.Sequence++;
            stale.UpdatedAt = now;
        }

        db.HospitalityEvenings.Add(saved);
        audit.Record(scope.Actor, "save", "HospitalityEvening", group.Id.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("placement", null, string.Join("; ", used.Select(h => $"{h.HouseholdId}: {string.Join(",", h.ParticipantIds)}{(h.InterpreterLanguages.Count > 0 ? " +" + string.Join(",", h.InterpreterLanguages) : "")}")))]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    /// <summary>The choice a plan proposes, to save it as it is.</summary>
    public static IReadOnlyList<HomeChoice> ChoiceOf(HospitalityPlan plan) =>
        [.. plan.Homes.Select(h => new HomeChoice(h.HouseholdId, [.. h.Guests.Select(g => g.ParticipantId)], h.InterpreterLanguages))];
}
