using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Splits;

/// <summary>
/// Reads an edition's split settings (stored, else defaults) and saves edited ones, validated field by
/// field and audited.
/// </summary>
public sealed class SplitSettingsStore(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int DefaultMin = 5;
    public const int DefaultMax = 10;
    public const int DefaultInterpreters = 2;

    /// <summary>The stored settings, or the defaults: the split phase's cities, sizes 5–10 widened so the
    /// cohort fits, theme strengths from the city hosts' meeting offers, interpreters from the groups.</summary>
    public async Task<SplitSettingsData> LoadAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<EditionSplitSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EditionId == editionId, cancellationToken);
        return row is null ? await DefaultsAsync(editionId, cancellationToken) : SplitSettingsData.FromJson(row.Json);
    }

    public async Task<bool> IsStoredAsync(int editionId, CancellationToken cancellationToken = default) =>
        await db.Set<EditionSplitSettings>().AnyAsync(s => s.EditionId == editionId, cancellationToken);

    public async Task<SplitSettingsData> DefaultsAsync(int editionId, CancellationToken cancellationToken = default)
    {
        var phases = await db.Phases.AsNoTracking().Where(p => p.EditionId == editionId && p.Kind == PhaseKind.CitySplit).ToListAsync(cancellationToken);
        var cityIds = phases.SelectMany(p => p.CityIds).Distinct().ToList();
        if (cityIds.Count == 0)
        {
            cityIds = await db.Groups.Where(g => g.EditionId == editionId).OrderBy(g => g.CityId).Select(g => g.CityId).ToListAsync(cancellationToken);
        }

        var cohort = await SplitCohort.Query(db, editionId).CountAsync(cancellationToken);
        var k = Math.Max(cityIds.Count, 1);
        var min = Math.Min(DefaultMin, cohort / k);
        var max = Math.Max(DefaultMax, (cohort + k - 1) / k);
        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == editionId).ToListAsync(cancellationToken);
        var offers = await db.MeetingOffers.AsNoTracking().Where(o => o.EditionId == editionId)
            .Select(o => new { o.Host!.CityId, o.Themes }).ToListAsync(cancellationToken);
        var data = new SplitSettingsData();
        foreach (var cityId in cityIds)
        {
            var group = groups.FirstOrDefault(g => g.CityId == cityId);
            var themes = offers.Where(o => o.CityId == cityId).SelectMany(o => o.Themes)
                .GroupBy(t => t, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Math.Min(3, g.Count()), StringComparer.Ordinal);
            data.Cities.Add(new CitySplitSetting
            {
                CityId = cityId,
                MinSize = min,
                MaxSize = max,
                Interpreters = group is { InterpretationLanguages.Count: > 0 } ? group.InterpretationLanguages.Count : DefaultInterpreters,
                InterpreterLanguages = group is { InterpretationLanguages.Count: > 0 } ? [.. group.InterpretationLanguages] : null,
                Themes = themes,
            });
        }

        return data;
    }

    /// <summary>Checks every field (errors keyed by field path, e.g. <c>Cities[2].MaxSize</c>); saves and audits when none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(UserScope scope, int editionId, SplitSettingsData data, CancellationToken cancellationToken = default)
    {
        scope.EnsureRunsEdition(editionId);
        var actor = scope.Actor;
        var errors = new Dictionary<string, string>();
        var cohort = await SplitCohort.Query(db, editionId).Select(p => p.Id).ToListAsync(cancellationToken);
        Validate(data, cohort.ToHashSet(), errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = await LoadAsync(editionId, cancellationToken);
        var row = await db.Set<EditionSplitSettings>().FirstOrDefaultAsync(s => s.EditionId == editionId, cancellationToken);
        if (row is null)
        {
            row = new EditionSplitSettings { EditionId = editionId };
            db.Add(row);
        }

        row.Json = data.ToJson();
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Name;
        audit.Record(actor, "SplitSettingsSaved", "Edition", editionId.ToString(CultureInfo.InvariantCulture), AuditLog.Diff(before.Snapshot(), data.Snapshot()));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    internal static void Validate(SplitSettingsData data, IReadOnlySet<int> cohort, Dictionary<string, string> errors)
    {
        if (data.Cities.Count == 0)
        {
            errors["Cities"] = "Name at least one split city.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < data.Cities.Count; i++)
        {
            var c = data.Cities[i];
            if (!seen.Add(c.CityId))
            {
                errors[$"Cities[{i}].CityId"] = $"{c.CityId} is listed twice.";
            }

            if (c.MinSize < 0)
            {
                errors[$"Cities[{i}].MinSize"] = "The smallest group size cannot be negative.";
            }

            if (c.MaxSize < Math.Max(c.MinSize, 1))
            {
                errors[$"Cities[{i}].MaxSize"] = "The largest group size must be at least 1 and at least the smallest.";
            }

            if (c.Interpreters < 0)
            {
                errors[$"Cities[{i}].Interpreters"] = "Cannot be negative.";
            }

            foreach (var lang in c.InterpreterLanguages ?? [])
            {
                if (Reference.Languages.Resolve(lang) is null)
                {
                    errors[$"Cities[{i}].InterpreterLanguages"] = $"'{lang}' is not a language we know; use BCP 47 tags such as es, fr.";
                }
            }

            foreach (var (theme, strength) in c.Themes)
            {
                if (Reference.Themes.Resolve(theme) is null)
                {
                    errors[$"Cities[{i}].Themes"] = $"'{theme}' is not a theme we know.";
                }
                else if (strength is < 0 or > 100)
                {
                    errors[$"Cities[{i}].Themes"] = $"The strength of {theme} must be between 0 and 100.";
                }
            }
        }

        if (data.Cities.Count > 0 && data.Cities.Sum(c => (long)c.MaxSize) < cohort.Count)
        {
            errors["Cities"] = $"The cities hold at most {data.Cities.Sum(c => (long)c.MaxSize)} but {cohort.Count} participants are confirmed: raise the largest sizes.";
        }

        if (data.MaxPerCountry < 0)
        {
            errors[nameof(data.MaxPerCountry)] = "Cannot be negative.";
        }

        if (data.MaxPerRegion is < 1)
        {
            errors[nameof(data.MaxPerRegion)] = "Leave empty for no limit, or at least 1.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(data.ThemeWeight), data.ThemeWeight), (nameof(data.SameCountryWeight), data.SameCountryWeight),
            (nameof(data.IsolatedGenderWeight), data.IsolatedGenderWeight), (nameof(data.ChangeWeight), data.ChangeWeight),
        })
        {
            if (value is < 0 or > 100_000)
            {
                errors[name] = "A weight is a whole number from 0 to 100000.";
            }
        }

        foreach (var (name, pairs) in new[] { (nameof(data.Apart), data.Apart), (nameof(data.Together), data.Together) })
        {
            foreach (var pair in pairs)
            {
                if (pair.Length != 2 || pair[0] == pair[1])
                {
                    errors[name] = "Each line names two different participants.";
                }
                else if (!cohort.Contains(pair[0]) || !cohort.Contains(pair[1]))
                {
                    errors[name] = $"{string.Join(" and ", pair.Where(id => !cohort.Contains(id)))} is not a confirmed participant of this edition.";
                }
            }
        }
    }
}
