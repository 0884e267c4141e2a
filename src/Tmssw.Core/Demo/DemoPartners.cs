using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Partners;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Demo;

/// <summary>
/// The local partners' side of the 2024 demo: five volunteer host households in every group's city
/// (invented, and saying so), free every evening of the city week (May 7 – 14). Loaded once per city.
/// </summary>
internal static class DemoPartners
{
    private sealed record Home(string Family, int Capacity, string[] Languages, string[] CannotServe, bool StepFree);

    private static readonly Home[] Homes =
    [
        new("Alvarez", 3, ["en", "es"], [], true),
        new("Okafor", 3, ["en", "fr"], ["kosher"], false),
        new("Haddad", 2, ["en", "ar"], ["vegan"], false),
        new("Petrov", 3, ["en", "ru"], ["halal"], true),
        new("Silva", 3, ["en", "pt", "es"], [], false),
    ];

    public static async Task<int> AddHouseholdsAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var cities = await db.Groups.Where(g => g.EditionId == editionId).Select(g => g.CityId).ToListAsync(ct);
        var existing = (await db.Households.Where(h => h.EditionId == editionId).Select(h => h.CityId).Distinct().ToListAsync(ct)).ToHashSet();
        var evenings = Enumerable.Range(0, 8).Select(d => new DateOnly(2024, 5, 7).AddDays(d)).ToList();
        var added = 0;
        foreach (var cityId in cities.Where(c => !existing.Contains(c)).Order(StringComparer.Ordinal))
        {
            var city = CityCatalog.Get(cityId);
            for (var i = 0; i < Homes.Length; i++)
            {
                var h = Homes[i];
                db.Households.Add(new Household
                {
                    EditionId = editionId,
                    CityId = cityId,
                    Name = $"The {h.Family} household (synthetic)",
                    Address = string.Create(CultureInfo.InvariantCulture, $"{100 + (i * 20)} Demo Lane (synthetic address), {city.Name}, {city.State}"),
                    Capacity = h.Capacity,
                    Languages = [.. h.Languages],
                    CannotServe = [.. h.CannotServe],
                    StepFreeAccess = h.StepFree,
                    FreeEvenings = [.. evenings],
                });
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
