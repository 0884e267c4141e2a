namespace Tmssw.Planning.Splits.Internal;

internal static class Validation
{
    public static IReadOnlyList<SplitError> Check(SplitInstance instance)
    {
        var errors = new List<SplitError>();
        void Err(string path, string message) => errors.Add(new SplitError(path, message));

        var participants = new HashSet<string>(StringComparer.Ordinal);
        if (instance.Participants is null)
        {
            Err("participants", "required");
        }
        else
        {
            for (int i = 0; i < instance.Participants.Count; i++)
            {
                var p = instance.Participants[i];
                string at = $"participants[{i}]";
                if (p is null) { Err(at, "must be an object"); continue; }
                if (string.IsNullOrWhiteSpace(p.Id))
                {
                    Err($"{at}.id", "required (a non-empty string)");
                }
                else if (!participants.Add(p.Id))
                {
                    Err($"{at}.id", $"duplicate participant id '{p.Id}'");
                }

                if (string.IsNullOrWhiteSpace(p.Country))
                {
                    Err($"{at}.country", "required (a non-empty string)");
                }

                if (p.Region is not null && p.Region.Length == 0)
                {
                    Err($"{at}.region", "must be null or a non-empty string");
                }

                if (p.Gender is not null && p.Gender.Length == 0)
                {
                    Err($"{at}.gender", "must be null or a non-empty string");
                }

                if (p.Interpretation is not null && p.Interpretation.Length == 0)
                {
                    Err($"{at}.interpretation", "must be null or a language code");
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int t = 0; t < p.Themes.Count; t++)
                {
                    if (string.IsNullOrWhiteSpace(p.Themes[t]))
                    {
                        Err($"{at}.themes[{t}]", "must be a non-empty string");
                    }
                    else if (!seen.Add(p.Themes[t]))
                    {
                        Err($"{at}.themes[{t}]", $"duplicate theme '{p.Themes[t]}'");
                    }
                }
            }
        }

        var cities = new HashSet<string>(StringComparer.Ordinal);
        if (instance.Cities is null)
        {
            Err("cities", "required");
        }
        else
        {
            if (instance.Cities.Count == 0)
            {
                Err("cities", "at least one city is required");
            }

            for (int i = 0; i < instance.Cities.Count; i++)
            {
                var c = instance.Cities[i];
                string at = $"cities[{i}]";
                if (c is null) { Err(at, "must be an object"); continue; }
                if (string.IsNullOrWhiteSpace(c.Id))
                {
                    Err($"{at}.id", "required (a non-empty string)");
                }
                else if (!cities.Add(c.Id))
                {
                    Err($"{at}.id", $"duplicate city id '{c.Id}'");
                }

                if (c.MinSize < 0)
                {
                    Err($"{at}.minSize", "must be >= 0");
                }

                if (c.MaxSize < 0)
                {
                    Err($"{at}.maxSize", "must be >= 0");
                }
                else if (c.MaxSize < c.MinSize)
                {
                    Err($"{at}.maxSize", "must be >= minSize");
                }

                if (c.Interpreters < 0)
                {
                    Err($"{at}.interpreters", "must be >= 0");
                }

                foreach (var (theme, strength) in c.Themes)
                {
                    if (string.IsNullOrWhiteSpace(theme))
                    {
                        Err($"{at}.themes", "theme names must be non-empty");
                    }
                    else if (strength < 0)
                    {
                        Err($"{at}.themes.{theme}", "must be >= 0");
                    }
                }
                if (c.InterpreterLanguages is not null)
                {
                    for (int l = 0; l < c.InterpreterLanguages.Count; l++)
                    {
                        if (string.IsNullOrWhiteSpace(c.InterpreterLanguages[l]))
                        {
                            Err($"{at}.interpreterLanguages[{l}]", "must be a language code");
                        }
                    }
                }
            }
        }

        var rules = instance.Rules;
        if (rules.MaxPerCountry < 0)
        {
            Err("rules.maxPerCountry", "must be >= 0");
        }

        if (rules.MaxPerRegion is < 1)
        {
            Err("rules.maxPerRegion", "must be null or >= 1");
        }

        foreach (var (pid, cid) in rules.Locked)
        {
            if (!participants.Contains(pid))
            {
                Err($"rules.locked.{pid}", $"unknown participant id '{pid}'");
            }

            if (string.IsNullOrEmpty(cid) || !cities.Contains(cid))
            {
                Err($"rules.locked.{pid}", $"unknown city id '{cid}'");
            }
        }
        CheckPairs("rules.apart", rules.Apart);
        CheckPairs("rules.together", rules.Together);

        var w = instance.Weights;
        if (w.Theme < 0)
        {
            Err("weights.theme", "must be >= 0");
        }

        if (w.SameCountry < 0)
        {
            Err("weights.sameCountry", "must be >= 0");
        }

        if (w.IsolatedGender < 0)
        {
            Err("weights.isolatedGender", "must be >= 0");
        }

        if (w.Change < 0)
        {
            Err("weights.change", "must be >= 0");
        }

        foreach (var (pid, cid) in instance.Previous)
        {
            if (string.IsNullOrEmpty(cid))
            {
                Err($"previous.{pid}", "must be a city id");
            }
        }

        return errors;

        void CheckPairs(string at, IReadOnlyList<ParticipantPair> pairs)
        {
            for (int i = 0; i < pairs.Count; i++)
            {
                var pair = pairs[i];
                if (pair is null) { Err($"{at}[{i}]", "must name exactly two participants"); continue; }
                if (!participants.Contains(pair.First ?? ""))
                {
                    Err($"{at}[{i}][0]", $"unknown participant id '{pair.First}'");
                }

                if (!participants.Contains(pair.Second ?? ""))
                {
                    Err($"{at}[{i}][1]", $"unknown participant id '{pair.Second}'");
                }

                if (pair.First == pair.Second)
                {
                    Err($"{at}[{i}]", "must name two different participants");
                }
            }
        }
    }
}
