namespace Tmssw.Planning.Splits.Internal;

/// <summary>An instance turned into arrays (participants 0..N-1, cities 0..M-1) for the algorithms.</summary>
internal sealed class Indexed
{
    public SplitInstance Instance { get; }
    public int N { get; }
    public int M { get; }
    public int K { get; }
    public int R { get; }
    public int G { get; }
    public int L { get; }
    public string[] PId { get; }
    public City[] Cities { get; }
    public Dictionary<string, int> PIndex { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> CIndex { get; } = new(StringComparer.Ordinal);
    public int[] Country { get; }
    public int[] Region { get; }
    public int[] Gender { get; }
    public int[] Lang { get; }
    public string[] CountryName { get; }
    public string[] RegionName { get; }
    public string[] GenderName { get; }
    public string[] LangCode { get; }
    /// <summary>Weighted theme score of participant p in city c, at [p*M+c].</summary>
    public long[] Theme { get; }
    /// <summary>p may go to c as far as locks and offered languages go, at [p*M+c].</summary>
    public bool[] Allowed { get; }
    /// <summary>City c can interpret language l, at [c*L+l].</summary>
    public bool[] LangOk { get; }
    public int[] Lock { get; }
    /// <summary>Previous city; -1 none, -2 a city no longer offered (always a change).</summary>
    public int[] Prev { get; }
    public int[][] ApartOf { get; }
    public int[][] TogetherOf { get; }
    /// <summary>Connected components of the together relation (every participant is in one).</summary>
    public int[][] Components { get; }
    public int[] ComponentOf { get; }
    public int[] Min { get; }
    public int[] Max { get; }
    public int[] Interp { get; }
    public long WTheme { get; }
    public long WSameCountry { get; }
    public long WIso { get; }
    public long WChange { get; }
    public int MaxPerCountry { get; }
    /// <summary>int.MaxValue when there is no region limit.</summary>
    public int MaxPerRegion { get; }
    public int[] CountrySize { get; }
    public int[] RegionSize { get; }
    public int[] LangSize { get; }

    public Indexed(SplitInstance instance)
    {
        var errors = instance.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid split instance: " + string.Join("; ", errors), nameof(instance));
        }

        Instance = instance;
        N = instance.Participants.Count;
        M = instance.Cities.Count;
        PId = instance.Participants.Select(p => p.Id).ToArray();
        Cities = instance.Cities.ToArray();
        for (int i = 0; i < N; i++)
        {
            PIndex[PId[i]] = i;
        }

        for (int c = 0; c < M; c++)
        {
            CIndex[Cities[c].Id] = c;
        }

        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var genders = new Dictionary<string, int>(StringComparer.Ordinal);
        var langs = new Dictionary<string, int>(StringComparer.Ordinal);
        static int Id(Dictionary<string, int> d, string? key)
        {
            if (key is null)
            {
                return -1;
            }

            if (!d.TryGetValue(key, out int v))
            {
                d[key] = v = d.Count;
            }

            return v;
        }
        Country = new int[N]; Region = new int[N]; Gender = new int[N]; Lang = new int[N];
        for (int i = 0; i < N; i++)
        {
            var p = instance.Participants[i];
            Country[i] = Id(countries, p.Country);
            Region[i] = Id(regions, p.Region);
            Gender[i] = Id(genders, p.Gender);
            Lang[i] = Id(langs, p.Interpretation);
        }
        K = countries.Count; R = regions.Count; G = genders.Count; L = langs.Count;
        CountryName = countries.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        RegionName = regions.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        GenderName = genders.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        LangCode = langs.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        CountrySize = new int[K]; RegionSize = new int[R]; LangSize = new int[L];
        for (int i = 0; i < N; i++)
        {
            CountrySize[Country[i]]++;
            if (Region[i] >= 0)
            {
                RegionSize[Region[i]]++;
            }

            if (Lang[i] >= 0)
            {
                LangSize[Lang[i]]++;
            }
        }

        var w = instance.Weights;
        WTheme = w.Theme; WSameCountry = w.SameCountry; WIso = w.IsolatedGender; WChange = w.Change;
        MaxPerCountry = instance.Rules.MaxPerCountry;
        MaxPerRegion = instance.Rules.MaxPerRegion ?? int.MaxValue;

        Min = Cities.Select(c => c.MinSize).ToArray();
        Max = Cities.Select(c => c.MaxSize).ToArray();
        Interp = Cities.Select(c => c.Interpreters).ToArray();
        LangOk = new bool[M * Math.Max(L, 1)];
        for (int c = 0; c < M; c++)
        {
            for (int l = 0; l < L; l++)
            {
                LangOk[c * L + l] = Interp[c] >= 1 &&
                    (Cities[c].InterpreterLanguages is null || Cities[c].InterpreterLanguages!.Contains(LangCode[l]));
            }
        }

        Theme = new long[N * M];
        for (int i = 0; i < N; i++)
        {
            for (int c = 0; c < M; c++)
            {
                Theme[i * M + c] = WTheme * RawTheme(i, c);
            }
        }

        Lock = Enumerable.Repeat(-1, N).ToArray();
        foreach (var (pid, cid) in instance.Rules.Locked)
        {
            Lock[PIndex[pid]] = CIndex[cid];
        }

        Prev = Enumerable.Repeat(-1, N).ToArray();
        foreach (var (pid, cid) in instance.Previous)
        {
            if (PIndex.TryGetValue(pid, out int i))
            {
                Prev[i] = CIndex.TryGetValue(cid, out int c) ? c : -2;
            }
        }

        Allowed = new bool[N * M];
        for (int i = 0; i < N; i++)
        {
            for (int c = 0; c < M; c++)
            {
                Allowed[i * M + c] = (Lock[i] < 0 || Lock[i] == c) && (Lang[i] < 0 || LangOk[c * L + Lang[i]]);
            }
        }

        var apart = Enumerable.Range(0, N).Select(_ => new List<int>()).ToArray();
        foreach (var pr in instance.Rules.Apart)
        {
            int a = PIndex[pr.First], b = PIndex[pr.Second];
            apart[a].Add(b); apart[b].Add(a);
        }
        var together = Enumerable.Range(0, N).Select(_ => new List<int>()).ToArray();
        foreach (var pr in instance.Rules.Together)
        {
            int a = PIndex[pr.First], b = PIndex[pr.Second];
            together[a].Add(b); together[b].Add(a);
        }
        ApartOf = apart.Select(l => l.Distinct().ToArray()).ToArray();
        TogetherOf = together.Select(l => l.Distinct().ToArray()).ToArray();

        ComponentOf = Enumerable.Repeat(-1, N).ToArray();
        var comps = new List<int[]>();
        for (int i = 0; i < N; i++)
        {
            if (ComponentOf[i] >= 0)
            {
                continue;
            }

            var comp = new List<int> { i };
            ComponentOf[i] = comps.Count;
            for (int h = 0; h < comp.Count; h++)
            {
                foreach (int j in TogetherOf[comp[h]])
                {
                    if (ComponentOf[j] < 0) { ComponentOf[j] = comps.Count; comp.Add(j); }
                }
            }

            comps.Add(comp.ToArray());
        }
        Components = comps.ToArray();
    }

    /// <summary>Unweighted theme match of participant p in city c: the sum of the city's strengths for p's themes.</summary>
    public long RawTheme(int p, int c)
    {
        long s = 0;
        var strengths = Cities[c].Themes;
        foreach (var t in Instance.Participants[p].Themes)
        {
            if (strengths.TryGetValue(t, out int v))
            {
                s += v;
            }
        }

        return s;
    }

    public string CityName(int c) => Cities[c].Name;

    public int[] ToArray(IReadOnlyDictionary<string, string> assignment)
    {
        var a = Enumerable.Repeat(-1, N).ToArray();
        foreach (var (pid, cid) in assignment)
        {
            if (PIndex.TryGetValue(pid, out int p) && CIndex.TryGetValue(cid, out int c))
            {
                a[p] = c;
            }
        }

        return a;
    }

    public Dictionary<string, string> ToDictionary(int[] a)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int p = 0; p < N; p++)
        {
            if (a[p] >= 0)
            {
                d[PId[p]] = Cities[a[p]].Id;
            }
        }

        return d;
    }

    public static string LanguageName(string code) => code.ToLowerInvariant() switch
    {
        "es" => "Spanish",
        "fr" => "French",
        "ar" => "Arabic",
        "ru" => "Russian",
        "pt" => "Portuguese",
        "zh" => "Chinese",
        "en" => "English",
        "de" => "German",
        "uk" => "Ukrainian",
        "fa" => "Persian",
        "tr" => "Turkish",
        "sw" => "Swahili",
        "ur" => "Urdu",
        "id" => "Indonesian",
        "vi" => "Vietnamese",
        "ko" => "Korean",
        "ja" => "Japanese",
        "hi" => "Hindi",
        "bn" => "Bengali",
        "th" => "Thai",
        _ => code,
    };

    public string LangName(int l) => LanguageName(LangCode[l]);
}
