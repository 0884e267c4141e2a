using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;
using Tmssw.Planning.Splits;
using CoreParticipant = Tmssw.Core.Participants.Participant;
using PlanCity = Tmssw.Planning.Splits.City;
using PlanParticipant = Tmssw.Planning.Splits.Participant;

namespace Tmssw.Core.Splits;

/// <summary>An edition turned into the planner's input, with the people behind the ids.</summary>
public sealed record SplitInstanceBuild(SplitInstance Instance, IReadOnlyList<CoreParticipant> Participants, SplitSettingsData Settings, SplitPlan? Published);

/// <summary>
/// Edition → <see cref="SplitInstance"/>: its Confirmed and Traveling participants (id = the participant's
/// database id), the split cities with the stored (or default) settings, rules and weights, locks from a
/// base version, and <c>previous</c> = the published plan's assignment.
/// </summary>
public sealed class BuildSplitInstance(TmsswDbContext db, SplitSettingsStore settings)
{
    public async Task<SplitInstanceBuild> RunAsync(int editionId, SplitPlan? lockedFrom = null, CancellationToken cancellationToken = default)
    {
        var data = await settings.LoadAsync(editionId, cancellationToken);
        var people = await SplitCohort.Query(db, editionId).AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var published = await db.SplitPlans.AsNoTracking().Include(p => p.Assignments)
            .FirstOrDefaultAsync(p => p.EditionId == editionId && p.IsPublished, cancellationToken);
        var cityNames = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name + ", " + c.State, cancellationToken);
        var ids = people.Select(p => p.Id).ToHashSet();
        var cityIds = data.Cities.Select(c => c.CityId).ToHashSet(StringComparer.Ordinal);

        var locked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in lockedFrom?.Assignments ?? [])
        {
            if (a.Locked && ids.Contains(a.ParticipantId) && cityIds.Contains(a.CityId))
            {
                locked[Id(a.ParticipantId)] = a.CityId;
            }
        }

        var instance = new SplitInstance(
            [.. people.Select(p => new PlanParticipant(
                Id(p.Id),
                p.Country,
                string.IsNullOrEmpty(p.Region) ? null : p.Region,
                string.IsNullOrEmpty(p.Gender) ? null : p.Gender,
                string.IsNullOrEmpty(p.Sector) ? null : p.Sector,
                [.. p.Themes.Distinct(StringComparer.Ordinal)],
                string.IsNullOrEmpty(p.InterpretationLanguage) ? null : p.InterpretationLanguage))],
            [.. data.Cities.Select(c => new PlanCity(
                c.CityId,
                cityNames.TryGetValue(c.CityId, out var name) ? name : c.CityId,
                c.MinSize,
                c.MaxSize,
                c.Themes,
                c.Interpreters,
                c.InterpreterLanguages))],
            new SplitRules(
                data.MaxPerCountry,
                data.MaxPerRegion,
                locked,
                [.. data.Apart.Where(p => p.Length == 2 && ids.Contains(p[0]) && ids.Contains(p[1])).Select(p => new ParticipantPair(Id(p[0]), Id(p[1])))],
                [.. data.Together.Where(p => p.Length == 2 && ids.Contains(p[0]) && ids.Contains(p[1])).Select(p => new ParticipantPair(Id(p[0]), Id(p[1])))]),
            new SplitWeights(data.ThemeWeight, data.SameCountryWeight, data.IsolatedGenderWeight, data.ChangeWeight),
            published?.Assignments.ToDictionary(a => Id(a.ParticipantId), a => a.CityId, StringComparer.Ordinal));
        return new SplitInstanceBuild(instance, people, data, published);
    }

    public static string Id(int participantId) => participantId.ToString(CultureInfo.InvariantCulture);

    public static int ParticipantId(string id) => int.Parse(id, CultureInfo.InvariantCulture);

    internal static string CityName(string cityId) => CityCatalog.NameOf(cityId);
}

/// <summary>Reads a saved version back as the planner sees it: its instance (with the version's own locks),
/// its assignment, its score and broken rules, and each group's share of the score.</summary>
public static class SplitPlans
{
    public static SplitInstance InstanceOf(SplitPlan plan)
    {
        var read = SplitJson.ReadInstance(plan.SettingsJson ?? "");
        if (!read.Ok)
        {
            throw new InvalidOperationException($"Split version {plan.Version} has unreadable settings: {string.Join("; ", read.Errors)}");
        }

        var instance = read.Instance!;
        var locked = plan.Assignments.Where(a => a.Locked).ToDictionary(a => BuildSplitInstance.Id(a.ParticipantId), a => a.CityId, StringComparer.Ordinal);
        return instance with { Rules = instance.Rules with { Locked = locked } };
    }

    public static Dictionary<string, string> AssignmentOf(SplitPlan plan) =>
        plan.Assignments.ToDictionary(a => BuildSplitInstance.Id(a.ParticipantId), a => a.CityId, StringComparer.Ordinal);

    public static SplitEvaluation Evaluate(SplitPlan plan) => SplitScorer.Evaluate(InstanceOf(plan), AssignmentOf(plan));

    /// <summary>Each city's share of the score (theme, same-country, isolated-gender and change terms all add up per city).</summary>
    public static IReadOnlyDictionary<string, long> GroupScores(SplitInstance instance, IReadOnlyDictionary<string, string> assignment)
    {
        var scores = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var city in instance.Cities)
        {
            var members = assignment.Where(a => a.Value == city.Id).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            var sub = new SplitInstance(
                [.. instance.Participants.Where(p => members.Contains(p.Id))],
                [city with { MinSize = 0, MaxSize = Math.Max(city.MaxSize, members.Count) }],
                instance.Rules with { Locked = new Dictionary<string, string>(), Apart = [], Together = [] },
                instance.Weights,
                instance.Previous.Where(p => members.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
            scores[city.Id] = SplitScorer.Evaluate(sub, members.ToDictionary(m => m, _ => city.Id, StringComparer.Ordinal)).Score;
        }

        return scores;
    }

    internal static async Task<SplitPlan?> FindAsync(TmsswDbContext db, int editionId, int version, CancellationToken cancellationToken) =>
        await db.SplitPlans.Include(p => p.Assignments).FirstOrDefaultAsync(p => p.EditionId == editionId && p.Version == version, cancellationToken);

    internal static async Task<int> NextVersionAsync(TmsswDbContext db, int editionId, CancellationToken cancellationToken) =>
        (await db.SplitPlans.Where(p => p.EditionId == editionId).MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0) + 1;
}
