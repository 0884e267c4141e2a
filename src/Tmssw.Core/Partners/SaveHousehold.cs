using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Partners;

/// <summary>A household as the form gives it: lists as typed (comma-separated on the page).</summary>
public sealed record HouseholdInput(
    string? Name,
    string? Address,
    int Capacity,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> CannotServe,
    bool StepFreeAccess,
    IReadOnlyList<DateOnly> FreeEvenings);

/// <summary>The city's partner (Host) or staff add or change a host household; each error names the field.</summary>
public sealed class SaveHousehold(TmsswDbContext db, AuditLog audit)
{
    public const int MinCapacity = 2;
    public const int MaxCapacity = 3;

    public async Task<(Household? Household, Result Result)> RunAsync(UserScope scope, int year, string cityId, int? id, HouseholdInput input, CancellationToken ct = default)
    {
        var editionId = await PartnerEditions.IdAsync(db, year, ct) ?? throw new OutOfScopeException($"edition {year}");
        var city = cityId.Trim().ToLowerInvariant();
        if (!scope.MaySeePartnerWork(editionId, city) || !await db.Cities.AnyAsync(c => c.Id == city, ct))
        {
            throw new OutOfScopeException($"the households of {cityId}");
        }

        var home = id is { } existing
            ? await db.Households.FirstOrDefaultAsync(h => h.Id == existing && h.EditionId == editionId && h.CityId == city, ct)
                ?? throw new OutOfScopeException($"household #{existing}")
            : new Household { EditionId = editionId, CityId = city };

        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return (null, Result.Fail("Name: give the household's name (up to 200 characters)."));
        }

        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        if (address is { Length: > 500 })
        {
            return (null, Result.Fail("Address: up to 500 characters."));
        }

        if (input.Capacity is < MinCapacity or > MaxCapacity)
        {
            return (null, Result.Fail($"Capacity: a household takes {MinCapacity} or {MaxCapacity} guests."));
        }

        var languages = new List<string>();
        foreach (var raw in input.Languages.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            if (Reference.Languages.Resolve(raw) is not { } language)
            {
                return (null, Result.Fail($"Languages: '{Clip(raw)}' is not a language."));
            }

            if (!languages.Contains(language.Tag))
            {
                languages.Add(language.Tag);
            }
        }

        if (languages.Count is 0 or > 10)
        {
            return (null, Result.Fail("Languages: give between 1 and 10 languages spoken at home."));
        }

        var (diets, unknown) = Diets.Parse(input.CannotServe);
        if (unknown.Count > 0)
        {
            return (null, Result.Fail($"Cannot serve: '{Clip(unknown[0])}' is not a diet code; use {string.Join(", ", Diets.Codes.Keys)}."));
        }

        var evenings = input.FreeEvenings.Distinct().Order().ToList();
        if (evenings.Count > 60)
        {
            return (null, Result.Fail("Free evenings: at most 60 dates."));
        }

        var before = id is null ? null : Snapshot(home);
        home.Name = name;
        home.Address = address;
        home.Capacity = input.Capacity;
        home.Languages = languages;
        home.CannotServe = diets;
        home.StepFreeAccess = input.StepFreeAccess;
        home.FreeEvenings = evenings;
        if (id is null)
        {
            db.Households.Add(home);
            await db.SaveChangesAsync(ct);
        }

        audit.Record(scope.Actor, id is null ? "create" : "update", "Household", home.Id.ToString(CultureInfo.InvariantCulture),
            AuditLog.Diff(before ?? new Dictionary<string, string?>(), Snapshot(home)));
        await db.SaveChangesAsync(ct);
        return (home, Result.Ok);
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static Dictionary<string, string?> Snapshot(Household h) => new()
    {
        ["name"] = h.Name,
        ["address"] = h.Address,
        ["capacity"] = h.Capacity.ToString(CultureInfo.InvariantCulture),
        ["languages"] = string.Join(",", h.Languages),
        ["cannotServe"] = string.Join(",", h.CannotServe),
        ["stepFree"] = h.StepFreeAccess ? "yes" : "no",
        ["freeEvenings"] = string.Join(",", h.FreeEvenings.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
    };
}
