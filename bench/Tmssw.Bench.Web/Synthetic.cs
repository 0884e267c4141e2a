using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Bench.Web;

/// <summary>
/// Seeded synthetic participants with a realistic spread: ~120 countries with a Zipf-like number of
/// nominees each (so regions are uneven), 1–3 themes of skewed popularity, every status, names from
/// several traditions (the "-son" family names are the search case).
/// </summary>
internal static class Synthetic
{
    private static readonly string[] Given =
    [
        "Ana", "Carlos", "María", "José", "Luis", "Sofía", "Ahmed", "Fatima", "Omar", "Aisha", "Yusuf", "Mariam",
        "Ivan", "Olga", "Dmitri", "Elena", "Sergei", "Natalia", "Chen", "Wei", "Li", "Mei", "Hiroshi", "Yuki",
        "Kwame", "Amara", "Chinedu", "Ngozi", "Tendai", "Zanele", "Priya", "Arjun", "Ravi", "Anika", "Erik", "Ingrid",
        "Lars", "Astrid", "John", "Mary", "David", "Sarah", "Pierre", "Claire", "Jean", "Amélie", "Thi", "Minh",
    ];

    private static readonly string[] Family =
    [
        "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
        "Haddad", "Mansour", "Khalil", "Nasser", "Rahman", "Hussein", "Ivanova", "Petrov", "Smirnova", "Kuznetsov",
        "Popescu", "Kowalski", "Nowak", "Wang", "Zhang", "Liu", "Tanaka", "Suzuki", "Nguyen", "Tran",
        "Mensah", "Okafor", "Adeyemi", "Mwangi", "Banda", "Dlamini", "Sharma", "Patel", "Singh", "Kumar",
        "Johansson", "Andersson", "Karlsson", "Nilsson", "Jonsson", "Eriksson", "Larsen", "Hansen", "Johnson", "Williamson",
        "Dubois", "Moreau", "Silva", "Santos", "Oliveira", "Costa", "Rossi", "Bianchi", "Müller", "Schmidt",
    ];

    private static readonly string[] Agencies =
    [
        "National Police", "Ministry of Interior", "Office of the Attorney General", "Supreme Court", "Customs Service",
        "Financial Intelligence Unit", "Border Guard", "Coast Guard", "Anti-Corruption Commission", "Prison Service",
        "Ministry of Justice", "Counter-Terrorism Directorate", "Drug Enforcement Agency", "Cyber Crime Unit",
    ];

    private static readonly string[] Positions =
    [
        "Inspector", "Chief Inspector", "Prosecutor", "Senior Prosecutor", "Judge", "Investigating Judge", "Analyst",
        "Senior Analyst", "Commander", "Deputy Director", "Director", "Legal Adviser", "Superintendent", "Officer",
    ];

    // Nominated 30%, Vetted 20%, Confirmed 25%, Traveling 5%, Completed 10%, Withdrawn 5%, Declined 5%.
    private static readonly (NominationStatus Status, int Weight)[] StatusWeights =
    [
        (NominationStatus.Nominated, 30), (NominationStatus.Vetted, 20), (NominationStatus.Confirmed, 25),
        (NominationStatus.Traveling, 5), (NominationStatus.Completed, 10), (NominationStatus.Withdrawn, 5),
        (NominationStatus.Declined, 5),
    ];

    public static List<Participant> Make(int count, int editionId, int seed)
    {
        var random = new Random(seed);
        var countries = Countries.All.Where(c => c.WorldRegion.Length > 0).OrderBy(_ => random.Next()).Take(120).ToList();

        // Zipf-like: the k-th country has weight 1/k.
        var countryWeights = countries.Select((_, k) => 1.0 / (k + 1)).ToArray();
        var themeWeights = Themes.All.Select((_, k) => 1.0 / (k + 1)).ToArray();
        var statusTotal = StatusWeights.Sum(s => s.Weight);
        var now = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var list = new List<Participant>(count);
        for (var i = 0; i < count; i++)
        {
            var country = countries[Pick(random, countryWeights)];
            var themes = new List<string>();
            var themeCount = 1 + random.Next(3);
            while (themes.Count < themeCount)
            {
                var code = Themes.All[Pick(random, themeWeights)].Code;
                if (!themes.Contains(code))
                {
                    themes.Add(code);
                }
            }

            var roll = random.Next(statusTotal);
            var status = StatusWeights.First(s => (roll -= s.Weight) < 0).Status;
            var at = now.AddMinutes(i);
            list.Add(new Participant
            {
                EditionId = editionId,
                GivenName = Given[random.Next(Given.Length)],
                FamilyName = Family[random.Next(Family.Length)],
                Country = country.Alpha2,
                Region = country.WorldRegion,
                Sector = Sectors.All[random.Next(Sectors.All.Count)].Code,
                Agency = Agencies[random.Next(Agencies.Length)],
                Position = Positions[random.Next(Positions.Length)],
                Themes = themes,
                Languages = ["en"],
                InterpretationLanguage = random.Next(100) < 15 ? "es" : null,
                Gender = random.Next(100) < 30 ? "F" : "M",
                Status = status,
                IsSynthetic = true,
                CreatedAt = at,
                UpdatedAt = at,
            });
        }

        return list;
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
