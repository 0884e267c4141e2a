using Tmssw.Planning.Splits;

namespace Tmssw.Bench.Split;

/// <summary>Seeded generator of realistic split instances (sizes S, M, L).</summary>
public static class Generator
{
    public sealed record Size(string Name, int Participants, int Countries, int Cities, int MinSize, int MaxSize);

    public static readonly Size S = new("S", 56, 47, 9, 5, 8);
    public static readonly Size M = new("M", 500, 120, 40, 8, 16);
    public static readonly Size L = new("L", 2000, 190, 100, 12, 25);

    public static Size ByName(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        _ => throw new ArgumentException($"unknown size '{name}' (S, M or L)"),
    };

    private static readonly string[] Regions =
    [
        "Africa", "East Asia and the Pacific", "Europe and Eurasia", "Near East", "South and Central Asia",
        "Latin America and the Caribbean",
    ];

    private static readonly string[] Themes =
    [
        "border-security", "narcotics", "cybercrime", "counter-terrorism", "trafficking-in-persons", "rule-of-law",
        "nonproliferation", "maritime-security", "anti-corruption", "emergency-management", "export-control",
        "wildlife-trafficking",
    ];

    private static readonly string[] Sectors = ["law-enforcement", "judiciary", "customs", "ministry", "civil-society", "military"];

    public static SplitInstance Generate(Size size, int seed)
    {
        var rng = new Random(seed * 1009 + size.Participants);
        // Countries with regions; participants per country skewed (Zipf-like), each country at least one.
        var countries = new List<(string Code, int Region)>();
        for (int k = 0; k < size.Countries; k++)
        {
            int region = rng.NextDouble() < 0.25 ? 5 : rng.Next(5); // Latin America over-represented
            countries.Add(($"C{k:000}", region));
        }
        var weights = Enumerable.Range(0, size.Countries).Select(k => 1.0 / Math.Pow(k + 1, 0.9)).ToArray();
        var perCountry = Enumerable.Repeat(1, size.Countries).ToArray();
        double total = weights.Sum();
        for (int i = size.Countries; i < size.Participants; i++)
        {
            double x = rng.NextDouble() * total;
            int k = 0;
            while (x > weights[k]) { x -= weights[k]; k++; }
            perCountry[k]++;
        }
        // Skewed theme popularity; each region leans to some themes.
        var themeWeight = Themes.Select((_, t) => 1.0 / (t + 1.5)).ToArray();
        var participants = new List<Participant>();
        int id = 0;
        for (int k = 0; k < size.Countries; k++)
        {
            var (code, region) = countries[k];
            // Language of the country.
            string? lang = region switch
            {
                5 => rng.NextDouble() < 0.75 ? "es" : (rng.NextDouble() < 0.3 ? "pt" : null),
                0 => rng.NextDouble() < 0.4 ? "fr" : (rng.NextDouble() < 0.15 ? "pt" : null),
                3 => rng.NextDouble() < 0.6 ? "ar" : null,
                2 => rng.NextDouble() < 0.35 ? "ru" : null,
                _ => null,
            };
            for (int j = 0; j < perCountry[k]; j++)
            {
                int nThemes = 1 + rng.Next(3);
                var mine = new List<string>();
                while (mine.Count < nThemes)
                {
                    int t = Pick(themeWeight, rng, region);
                    if (!mine.Contains(Themes[t]))
                    {
                        mine.Add(Themes[t]);
                    }
                }
                string? interp = lang is not null && rng.NextDouble() < 0.55 ? lang : null;
                participants.Add(new Participant($"p{++id:0000}", code, Regions[region],
                    rng.NextDouble() < 0.3 ? "F" : "M", Sectors[rng.Next(Sectors.Length)], mine, interp));
            }
        }
        participants = participants.OrderBy(_ => rng.Next()).ToList();

        // Cities: theme strengths, 1-2 interpreters with 1-2 languages.
        var demand = participants.Where(p => p.Interpretation is not null).GroupBy(p => p.Interpretation!)
            .ToDictionary(g => g.Key, g => g.Count());
        var cities = new List<City>();
        string[] langs = ["es", "fr", "ar", "ru", "pt"];
        for (int c = 0; c < size.Cities; c++)
        {
            var strengths = new Dictionary<string, int>();
            int nThemes = 3 + rng.Next(3);
            while (strengths.Count < nThemes)
            {
                strengths.TryAdd(Themes[rng.Next(Themes.Length)], 1 + rng.Next(3));
            }

            int interpreters = rng.NextDouble() < 0.6 ? 1 : 2;
            var offered = new List<string>();
            if (rng.NextDouble() < 0.55)
            {
                offered.Add("es");
            }

            while (offered.Count < (rng.NextDouble() < 0.5 ? 1 : 2))
            {
                string l = langs[rng.Next(langs.Length)];
                if (!offered.Contains(l))
                {
                    offered.Add(l);
                }
            }
            cities.Add(new City($"city{c:000}", $"City {c:000}", size.MinSize, size.MaxSize, strengths, interpreters, offered));
        }
        // Make sure every language's demand fits 1.5x in the cities offering it.
        foreach (var (lang, need) in demand)
        {
            int guard = 0;
            while (cities.Where(c => c.InterpreterLanguages!.Contains(lang)).Sum(c => c.MaxSize) < need * 1.5 + size.MaxSize && guard++ < 1000)
            {
                int c = rng.Next(cities.Count);
                var city = cities[c];
                if (city.InterpreterLanguages!.Contains(lang))
                {
                    continue;
                }

                cities[c] = city with { InterpreterLanguages = [.. city.InterpreterLanguages!, lang], Interpreters = Math.Max(city.Interpreters, 2) };
            }
        }

        // A few locks, apart and together pairs (consistent with languages).
        var locked = new Dictionary<string, string>();
        var used = new HashSet<string>();
        for (int i = 0; i < Math.Max(2, size.Participants / 50); i++)
        {
            var p = participants[rng.Next(participants.Count)];
            if (!used.Add(p.Id))
            {
                continue;
            }

            var options = cities.Where(c => p.Interpretation is null || c.InterpreterLanguages!.Contains(p.Interpretation)).ToList();
            locked[p.Id] = options[rng.Next(options.Count)].Id;
        }
        var apart = new List<ParticipantPair>();
        for (int i = 0; i < Math.Max(2, size.Participants / 40); i++)
        {
            var p = participants[rng.Next(participants.Count)];
            var q = participants[rng.Next(participants.Count)];
            if (p.Id == q.Id || used.Contains(p.Id) || used.Contains(q.Id))
            {
                continue;
            }

            used.Add(p.Id); used.Add(q.Id);
            apart.Add(new ParticipantPair(p.Id, q.Id));
        }
        var together = new List<ParticipantPair>();
        for (int i = 0; i < Math.Max(2, size.Participants / 60); i++)
        {
            var p = participants[rng.Next(participants.Count)];
            // A colleague with the same interpretation need (or none), so some city can take both.
            var q = participants.Where(x => x.Interpretation == p.Interpretation && x.Id != p.Id).OrderBy(_ => rng.Next()).FirstOrDefault();
            if (q is null || used.Contains(p.Id) || used.Contains(q.Id))
            {
                continue;
            }

            used.Add(p.Id); used.Add(q.Id);
            together.Add(new ParticipantPair(p.Id, q.Id));
        }
        return new SplitInstance(participants, cities, new SplitRules(1, null, locked, apart, together));
    }

    private static int Pick(double[] w, Random rng, int region)
    {
        // Rotate popularity by region so regions lean to different themes.
        int n = w.Length;
        double total = w.Sum();
        double x = rng.NextDouble() * total;
        for (int i = 0; i < n; i++)
        {
            if (x < w[i])
            {
                return (i + region * 2) % n;
            }

            x -= w[i];
        }
        return (n - 1 + region * 2) % n;
    }
}
