using System.Globalization;
using Tmssw.Core.Hosts;

namespace Tmssw.Core.Reference;

/// <summary>The U.S. cities the initiative uses, with IANA time zones and coordinates.</summary>
public static class CityCatalog
{
    private static readonly Lazy<IReadOnlyList<City>> AllCities = new(() =>
        EmbeddedCsv.Read("Tmssw.Reference.cities.csv")
            .Select(r => new City
            {
                Id = r["id"],
                Name = r["name"],
                State = r["state"],
                TimeZone = r["timeZone"],
                Latitude = double.Parse(r["latitude"], CultureInfo.InvariantCulture),
                Longitude = double.Parse(r["longitude"], CultureInfo.InvariantCulture),
            })
            .ToList());

    public static IReadOnlyList<City> All => AllCities.Value;

    /// <summary>The city's name, or the id itself when the catalogue has no such city.</summary>
    public static string NameOf(string id) => All.FirstOrDefault(c => c.Id == id)?.Name ?? id;

    public static City Get(string id) =>
        All.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"No city '{id}' in the catalogue.");
}
