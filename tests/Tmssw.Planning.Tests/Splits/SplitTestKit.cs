using Tmssw.Planning.Splits;

namespace Tmssw.Planning.Tests.Splits;

/// <summary>Small instances and a brute-force optimum (every assignment, scored with SplitScorer).</summary>
internal static class SplitTestKit
{
    public static readonly SplitOptions Fast = new() { TimeLimit = TimeSpan.FromSeconds(20), Workers = 2 };

    public static Participant P(string id, string country, string gender = "M", string[]? themes = null,
        string? lang = null, string? region = null) =>
        new(id, country, region, gender, null, themes ?? [], lang);

    public static City C(string id, int min, int max, Dictionary<string, int>? themes = null, int interpreters = 0,
        string[]? languages = null) =>
        new(id, id.ToUpperInvariant(), min, max, themes ?? [], interpreters, languages);

    /// <summary>A random instance with n participants and m cities; rules vary with the seed.</summary>
    public static SplitInstance Random(int seed, int n, int m)
    {
        var rng = new Random(seed);
        string[] themes = ["a", "b", "c", "d"];
        string[] langs = ["es", "fr"];
        var ps = new List<Participant>();
        for (int i = 0; i < n; i++)
        {
            ps.Add(P($"p{i}", $"K{rng.Next(3)}", rng.NextDouble() < 0.35 ? "F" : "M",
                themes.Where(_ => rng.NextDouble() < 0.4).ToArray(),
                rng.NextDouble() < 0.25 ? langs[rng.Next(2)] : null, $"R{rng.Next(2)}"));
        }

        var cs = new List<City>();
        for (int c = 0; c < m; c++)
        {
            cs.Add(C($"c{c}", rng.Next(0, 2), rng.Next(3, 5),
                themes.Where(_ => rng.NextDouble() < 0.5).ToDictionary(t => t, _ => rng.Next(1, 4)),
                rng.Next(1, 3), rng.NextDouble() < 0.5 ? null : [langs[rng.Next(2)]]));
        }

        var locked = new Dictionary<string, string>();
        if (seed % 3 == 0)
        {
            locked[$"p{rng.Next(n)}"] = $"c{rng.Next(m)}";
        }

        var apart = seed % 2 == 0 ? new List<ParticipantPair> { new("p0", "p1") } : [];
        var together = seed % 4 == 1 ? new List<ParticipantPair> { new("p2", "p3") } : [];
        return new SplitInstance(ps, cs, new SplitRules(1, seed % 5 == 0 ? 3 : null, locked, apart, together),
            new SplitWeights(10, 100, 30, 50));
    }

    /// <summary>Best score over all assignments that meet the hard rules, or null when none does.</summary>
    public static long? BruteForce(SplitInstance instance, out IReadOnlyDictionary<string, string>? bestPlan)
    {
        int n = instance.Participants.Count, m = instance.Cities.Count;
        var digits = new int[n];
        long? best = null;
        bestPlan = null;
        while (true)
        {
            var plan = new Dictionary<string, string>();
            for (int i = 0; i < n; i++)
            {
                plan[instance.Participants[i].Id] = instance.Cities[digits[i]].Id;
            }

            var ev = SplitScorer.Evaluate(instance, plan);
            if (ev.IsFeasible && (best is null || ev.Score > best))
            {
                best = ev.Score;
                bestPlan = plan;
            }
            int d = 0;
            while (d < n && ++digits[d] == m)
            {
                digits[d++] = 0;
            }

            if (d == n)
            {
                break;
            }
        }
        return best;
    }
}
