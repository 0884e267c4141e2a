using Tmssw.Core.Data;
using Tmssw.Core.Demo;
using Tmssw.Core.Scheduling;
using Tmssw.Planning.Scheduling;

namespace Tmssw.Bench.Schedule;

/// <summary>
/// Set (a): the 2024 demo edition's nine city weeks, exactly as the product builds them
/// (<see cref="BuildScheduleInstance"/> on a fresh SQLite database loaded with <see cref="LoadDemo"/>).
/// </summary>
internal static class DemoCities
{
    public static async Task<List<(string Name, ScheduleInstance Instance)>> LoadAsync(int count)
    {
        var folder = Directory.CreateTempSubdirectory("tmssw-bench-").FullName;
        try
        {
            var setting = new DatabaseSetting(Path.Combine(folder, "demo.db"));
            var list = new List<(string, ScheduleInstance)>();
            await using (var db = DatabaseRegistration.CreateContext(setting))
            {
                await DatabaseRegistration.MigrateAsync(db);
                await new LoadDemo(db, TimeProvider.System).RunAsync();
                var build = new BuildScheduleInstance(db);
                var cities = db.Groups.OrderBy(g => g.CityId).Select(g => g.CityId).ToList();
                foreach (var city in cities.Take(count))
                {
                    var (built, error) = await build.RunAsync(2024, city);
                    if (built is null)
                    {
                        throw new InvalidOperationException($"{city}: {error}");
                    }

                    var i = built.Solve;
                    list.Add(($"demo {city} ({i.Offers.Count} offers, {i.Offers.Select(o => o.Host).Distinct().Count()} hosts)", i));
                }
            }

            return list;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
