// Nominations import benchmark: 10,000 generated rows as CSV and XLSX, imported with CommitImport
// (parse, validate, duplicate checks, encryption, history, audit, one transaction) into SQLite and
// PostgreSQL, next to a bare baseline measured in the same run: EF AddRange + SaveChanges of the same
// rows already parsed (no validation, no encryption, no history, no audit).
// Run: dotnet run -c Release --project bench/Tmssw.Bench.Import [-- ROWS]
// PostgreSQL: set TMSSW_BENCH_PG to a server connection string (Host=…;Username=…), or run
// bench/run-import-bench.sh, which starts a throwaway cluster the way ./test.sh does.
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tmssw.Core;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Export;
using Tmssw.Core.Participants.Import;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var (headers, data) = Generator.Rows(rows, seed: 2025);
var files = new List<(string Format, ImportSource Source)>();
using (var csv = new MemoryStream())
{
    await RosterWriter.WriteCsvAsync(csv, headers, data.Select(r => r.Select(FormulaGuard.Guard).ToArray()), CancellationToken.None);
    files.Add(("csv", new ImportSource(csv.ToArray(), "bench.csv")));
}

using (var xlsx = new MemoryStream())
{
    await RosterWriter.WriteXlsxAsync(xlsx, "Nominees", headers, data.Select(r => r.Select(FormulaGuard.Guard).ToArray()), CancellationToken.None);
    files.Add(("xlsx", new ImportSource(xlsx.ToArray(), "bench.xlsx")));
}

var databases = new List<string> { "sqlite" };
var pg = Environment.GetEnvironmentVariable("TMSSW_BENCH_PG");
if (string.IsNullOrWhiteSpace(pg))
{
    Console.Error.WriteLine("TMSSW_BENCH_PG is not set: PostgreSQL is left out. Set it to a server connection string, e.g.");
    Console.Error.WriteLine("  TMSSW_BENCH_PG='Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres' dotnet run -c Release --project bench/Tmssw.Bench.Import");
    Console.Error.WriteLine("or run bench/run-import-bench.sh, which starts a throwaway PostgreSQL cluster for the run.");
}
else
{
    databases.Add("postgres");
}

Console.WriteLine($"Nominations import, {rows:N0} rows, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"CSV {files[0].Source.Content.Length / 1024:N0} KiB, XLSX {files[1].Source.Content.Length / 1024:N0} KiB");
Console.WriteLine();
var results = new List<string>();
foreach (var database in databases)
{
    foreach (var (format, source) in files)
    {
        // Warm-up on a small slice is skipped on purpose: the first run pays JIT like a real first import would.
        var phases = new PhaseClock();
        var import = await Measure(database, pg, async sp =>
        {
            phases.Start();
            var result = await sp.GetRequiredService<CommitImport>().RunAsync(UserScope.Admin("bench"), source, new ImportOptions(2025), phases);
            phases.Stop();
            if (result.AddedIds.Count != rows)
            {
                throw new InvalidOperationException($"{format}/{database}: {result.AddedIds.Count} of {rows} rows added; first error: "
                    + result.Preview.Rows.SelectMany(r => r.Errors).FirstOrDefault()?.Message);
            }
        });

        Console.Error.WriteLine($"{database}/{source.FileName}: where the import's time goes: {phases}");
        var baseline = await Baseline(database, pg, source, rows);
        var importRate = rows / import.TotalSeconds;
        var baseRate = rows / baseline.TotalSeconds;
        results.Add($"| {format} | {database} | {rows:N0} | {import.TotalSeconds:F2} | {importRate:N0} | {baseRate:N0} | {importRate / baseRate:F2} |");
    }
}

Console.WriteLine("| format | database | rows | import s | import rows/s | baseline rows/s | ratio (import / baseline) |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
foreach (var line in results)
{
    Console.WriteLine(line);
}

return 0;

static async Task<TimeSpan> Measure(string database, string? pg, Func<IServiceProvider, Task> action)
{
    await using var db = await BenchDatabase.CreateAsync(database, pg);
    await using var services = new ServiceCollection().AddTmsswCore(db.Setting).BuildServiceProvider();
    await using (var scope = services.CreateAsyncScope())
    {
        var context = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        await DatabaseRegistration.MigrateAsync(context);
        context.Editions.Add(new Edition { Year = 2025, Title = "Bench" });
        await context.SaveChangesAsync();
    }

    await using var work = services.CreateAsyncScope();
    var watch = Stopwatch.StartNew();
    await action(work.ServiceProvider);
    return watch.Elapsed;
}

// The same rows, already parsed by the importer (not timed), saved with AddRange + SaveChanges only.
static async Task<TimeSpan> Baseline(string database, string? pg, ImportSource source, int rows)
{
    await using var db = await BenchDatabase.CreateAsync(database, pg);
    await using var services = new ServiceCollection().AddTmsswCore(db.Setting).BuildServiceProvider();
    await using var scope = services.CreateAsyncScope();
    var context = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
    await DatabaseRegistration.MigrateAsync(context);
    var edition = new Edition { Year = 2025, Title = "Bench" };
    context.Editions.Add(edition);
    await context.SaveChangesAsync();
    var previewWatch = Stopwatch.StartNew();
    var preview = await scope.ServiceProvider.GetRequiredService<PreviewImport>().RunAsync(UserScope.Admin("bench"), source, new ImportOptions(2025));
    Console.Error.WriteLine($"{database}/{source.FileName}: preview (read + check) {previewWatch.Elapsed.TotalSeconds:F2} s");
    var participants = preview.Rows.Select(r => r.Values!).Select(v => new Participant
    {
        EditionId = edition.Id, GivenName = v.GivenName, FamilyName = v.FamilyName, Country = v.Country, Gender = v.Gender,
        Sector = v.Sector ?? "", Agency = v.Agency ?? "", Position = v.Position ?? "", Themes = v.Themes?.ToList() ?? [],
        Languages = v.Languages?.ToList() ?? [], InterpretationLanguage = v.InterpretationLanguage, DietaryNeeds = v.DietaryNeeds,
        AccessibilityNeeds = v.AccessibilityNeeds,
    }).ToList();
    if (participants.Count != rows)
    {
        throw new InvalidOperationException("The baseline parsed a different number of rows.");
    }

    var fields = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
    var protectWatch = Stopwatch.StartNew();
    foreach (var v in preview.Rows.Select(r => r.Values!))
    {
        fields.Write(new Participant(), new SensitiveValues(v.PassportNumber, v.DateOfBirth, v.PersonalEmail, v.PersonalPhone));
    }

    Console.Error.WriteLine($"{database}/{source.FileName}: encrypting the sensitive fields alone {protectWatch.Elapsed.TotalSeconds:F2} s");
    var watch = Stopwatch.StartNew();
    context.Participants.AddRange(participants);
    await context.SaveChangesAsync();
    return watch.Elapsed;
}

/// <summary>
/// Times the import's phases from its own progress reports: reading the file, checking the rows
/// (duplicates included), then until the first batch is saved (encryption and the first batch), then
/// the remaining batches and the commit.
/// </summary>
internal sealed class PhaseClock : IProgress<ImportProgress>
{
    private readonly Stopwatch watch = new();
    private readonly List<(string Phase, TimeSpan At)> marks = [];

    public void Start()
    {
        marks.Clear();
        watch.Restart();
    }

    public void Report(ImportProgress value)
    {
        lock (marks)
        {
            if (marks.Count == 0 || marks[^1].Phase != value.Phase)
            {
                marks.Add((value.Phase, watch.Elapsed));
            }
        }
    }

    public void Stop() => marks.Add(("end", watch.Elapsed));

    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i + 1 < marks.Count; i++)
        {
            var name = marks[i].Phase switch
            {
                "reading" => "read",
                "checking" => "check",
                "encrypting" => "encrypt",
                "saving" => "save",
                _ => marks[i].Phase,
            };
            parts.Add($"{name} {(marks[i + 1].At - marks[i].At).TotalSeconds:F2} s");
        }

        return string.Join(", ", parts);
    }
}

internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly string? pgName;
    private readonly string? server;

    private BenchDatabase(DatabaseSetting setting, string? folder, string? pgName, string? server)
    {
        Setting = setting;
        this.folder = folder;
        this.pgName = pgName;
        this.server = server;
    }

    public DatabaseSetting Setting { get; }

    public static async Task<BenchDatabase> CreateAsync(string kind, string? server)
    {
        if (kind == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("tmssw-bench-").FullName;
            return new BenchDatabase(new DatabaseSetting(Path.Combine(folder, "bench.db")), folder, null, null);
        }

        var name = "tmssw_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(new DatabaseSetting(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()), null, name, server);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (folder is not null)
        {
            Directory.Delete(folder, true);
        }

        if (pgName is not null)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Realistic nominees: names in their own scripts, real agencies and positions, unique passports.</summary>
internal static class Generator
{
    private static readonly (string Country, string Language, string[] Given, string[] Family, string Agency)[] Pools =
    [
        ("Mexico", "Spanish", ["Alejandro", "Mariana", "José Luis", "Lucía", "Fernando"], ["Ramírez Ortega", "Torres Villaseñor", "Gómez", "Hernández"], "Fiscalía General de la República"),
        ("Ecuador", "Spanish", ["Ana María", "Diego", "Gabriela", "Andrés"], ["Pérez Soto", "Castillo", "Vélez", "Andrade"], "Fiscalía General del Estado"),
        ("Jordan", "Arabic", ["محمد", "أحمد", "ليلى", "سارة"], ["العلي", "الحسن", "الخطيب", "النجار"], "Public Security Directorate"),
        ("Thailand", "Thai", ["สมชาย", "สมศักดิ์", "วิภา", "นภา"], ["ใจดี", "รักดี", "ศรีสุข", "บุญมา"], "Department of Special Investigation"),
        ("Kazakhstan", "Russian", ["Ольга", "Айгерим", "Нурлан", "Ержан"], ["Иванова", "Сейткали", "Ахметов", "Жумабаев"], "Prosecutor General's Office"),
        ("Côte d'Ivoire", "French", ["Kouassi", "Aya", "Yao", "Adjoua"], ["Yao", "Koné", "Traoré", "Kouamé"], "Police nationale"),
        ("Viet Nam", "Vietnamese", ["Nguyễn Văn", "Trần Thị", "Lê Minh", "Phạm Thu"], ["An", "Lan", "Hùng", "Hà"], "Ministry of Public Security"),
        ("Ukraine", "Ukrainian", ["Олена", "Андрій", "Ірина", "Тарас"], ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко"], "National Police of Ukraine"),
        ("Kenya", "Swahili", ["Wanjiru", "Otieno", "Achieng", "Kamau"], ["Mwangi", "Odhiambo", "Njoroge", "Wambui"], "Directorate of Criminal Investigations"),
        ("Indonesia", "Indonesian", ["Budi", "Siti", "Agus", "Dewi"], ["Santoso", "Rahayu", "Wijaya", "Lestari"], "Indonesian National Police"),
    ];

    private static readonly string[] Positions = ["Prosecutor", "Inspector", "Judge", "Superintendent", "Analyst", "Colonel", "Director", "Investigator"];
    private static readonly string[] Sectors = ["Law enforcement", "Prosecution", "Judiciary", "Border and customs", "Financial intelligence"];
    private static readonly string[] Themes = ["Narcotics and synthetic opioids", "Corruption", "Cybercrime", "Trafficking in persons", "Money laundering and financial crime", "Terrorism"];
    private static readonly string[] Diets = ["", "", "", "Vegetarian", "Halal", "No pork", "Gluten-free"];

    public static (List<string> Headers, List<string[]> Rows) Rows(int count, int seed)
    {
        var random = new Random(seed);
        List<string> headers = ["Given name", "Family name", "Country", "Gender", "Personal email", "Passport number", "Date of birth", "Phone", "Agency", "Position", "Sector", "Themes", "Languages", "Interpretation", "Dietary needs", "Accessibility"];
        var rows = new List<string[]>(count);
        for (var i = 0; i < count; i++)
        {
            var pool = Pools[random.Next(Pools.Length)];
            var given = pool.Given[random.Next(pool.Given.Length)];
            var family = pool.Family[random.Next(pool.Family.Length)];
            var dob = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 35));
            var english = random.Next(3) == 0;
            rows.Add(
            [
                given,
                family,
                pool.Country,
                random.Next(2) == 0 ? "F" : "M",
                $"nominee{i}@example.org",
                $"P{i:D8}",
                dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"+1 555 {i:D7}",
                pool.Agency,
                Positions[random.Next(Positions.Length)],
                Sectors[random.Next(Sectors.Length)],
                $"{Themes[random.Next(Themes.Length)]}; {Themes[random.Next(Themes.Length)]}",
                english ? $"{pool.Language}; English" : pool.Language,
                english ? "" : pool.Language,
                Diets[random.Next(Diets.Length)],
                random.Next(40) == 0 ? "Wheelchair user" : "",
            ]);
        }

        return (headers, rows);
    }
}
