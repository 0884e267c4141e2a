using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Tmssw.Planning.Splits.Internal;

/// <summary>Rule families that can be relaxed (made soft, with their violation minimized) to explain infeasibility.</summary>
[Flags]
internal enum Relax
{
    None = 0,
    Sizes = 1,
    Locks = 2,
    Apart = 4,
    Together = 8,
    Interpretation = 16,
    Region = 32,
}

/// <summary>The CP-SAT model of the split problem over a subset of participants and cities (all of them for the
/// full model; the members of a few cities for an LNS sub-solve). Counts per (city, kind) are weighted sums of the
/// assignment booleans; no pair booleans. Every helper variable is exact, so a full hint is consistent.</summary>
internal sealed class SplitModel
{
    private readonly Indexed ix;
    private readonly int[] parts;
    private readonly List<(int City, BoolVar X)>[] xs;
    private readonly List<(IntVar Var, Func<int[], long> Value)> helpers = [];
    private readonly LinearExprBuilder objective = LinearExpr.NewBuilder();
    private readonly LinearExprBuilder slack = LinearExpr.NewBuilder();

    public CpModel Model { get; } = new();
    public Relax Relaxed { get; }
    public bool HasSlack { get; private set; }

    /// <param name="ix">The instance.</param>
    /// <param name="parts">Participants in the model; all others are fixed outside these cities.</param>
    /// <param name="cities">Cities in the model.</param>
    /// <param name="relax">Rule families made soft; when any, the objective is to minimize their violation.</param>
    /// <param name="plain">The textbook model: no exactness constraints on penalty helpers (they are only
    /// bounded from below by the objective), for the benchmark's plain CP-SAT baseline.</param>
    public SplitModel(Indexed ix, int[] parts, int[] cities, Relax relax = Relax.None, bool plain = false)
    {
        this.ix = ix;
        this.parts = parts;
        Relaxed = relax;
        int m = ix.M;
        var inModel = new bool[ix.N];
        foreach (int p in parts)
        {
            inModel[p] = true;
        }

        xs = new List<(int, BoolVar)>[parts.Length];
        var cityVars = new Dictionary<int, List<(int P, BoolVar X)>>();
        foreach (int c in cities)
        {
            cityVars[c] = [];
        }

        var xOf = new Dictionary<long, BoolVar>();

        for (int i = 0; i < parts.Length; i++)
        {
            int p = parts[i];
            xs[i] = [];
            foreach (int c in cities)
            {
                bool lockOk = ix.Lock[p] < 0 || ix.Lock[p] == c || relax.HasFlag(Relax.Locks);
                bool langOk = ix.Lang[p] < 0 || ix.LangOk[c * ix.L + ix.Lang[p]] || relax.HasFlag(Relax.Interpretation);
                if (!lockOk || !langOk)
                {
                    continue;
                }

                var x = Model.NewBoolVar($"x{p}_{c}");
                int cc = c;
                helpers.Add((x, a => a[p] == cc ? 1 : 0));
                xs[i].Add((c, x));
                cityVars[c].Add((p, x));
                xOf[(long)p * m + c] = x;
                objective.AddTerm(x, ix.Theme[p * m + c]);
                if (ix.Lock[p] >= 0 && ix.Lock[p] != c)
                {
                    slack.AddTerm(x, 1);
                }

                if (ix.Lang[p] >= 0 && !ix.LangOk[c * ix.L + ix.Lang[p]])
                {
                    slack.AddTerm(x, 1);
                }
            }
            Model.AddExactlyOne(xs[i].Select(t => (ILiteral)t.X));
            if (ix.Prev[p] != -1)
            {
                objective.Add(-ix.WChange);
                var stay = xs[i].FirstOrDefault(t => t.City == ix.Prev[p]).X;
                if (stay is not null)
                {
                    objective.AddTerm(stay, ix.WChange);
                }
            }
        }

        foreach (int c in cities)
        {
            var vars = cityVars[c];
            var size = LinearExpr.Sum(vars.Select(t => t.X));
            if (relax.HasFlag(Relax.Sizes))
            {
                var under = Model.NewIntVar(0, ix.Min[c], $"under{c}");
                var over = Model.NewIntVar(0, Math.Max(0, vars.Count - ix.Max[c]), $"over{c}");
                Model.Add(size + under >= ix.Min[c]);
                Model.Add(size - over <= ix.Max[c]);
                slack.Add(under).Add(over);
            }
            else
            {
                Model.AddLinearConstraint(size, ix.Min[c], ix.Max[c]);
            }

            // Same country: exact excess = max(0, count - maxPerCountry).
            if (ix.WSameCountry > 0)
            {
                foreach (var grp in vars.GroupBy(t => ix.Country[t.P]))
                {
                    int cand = grp.Count();
                    if (cand <= ix.MaxPerCountry)
                    {
                        continue;
                    }

                    var cnt = LinearExpr.Sum(grp.Select(t => t.X));
                    var e = Model.NewIntVar(0, cand - ix.MaxPerCountry, $"e{c}_{grp.Key}");
                    if (plain)
                    {
                        Model.Add(e >= cnt - ix.MaxPerCountry);
                    }
                    else
                    {
                        Model.AddMaxEquality(e, [cnt - ix.MaxPerCountry, LinearExpr.Constant(0)]);
                    }

                    int k = grp.Key, cc = c;
                    var members = grp.Select(t => t.P).ToArray();
                    helpers.Add((e, a => Math.Max(0, members.Count(p => a[p] == cc) - ix.MaxPerCountry)));
                    objective.AddTerm(e, -ix.WSameCountry);
                }
            }

            // Region limit.
            if (ix.MaxPerRegion != int.MaxValue)
            {
                foreach (var grp in vars.Where(t => ix.Region[t.P] >= 0).GroupBy(t => ix.Region[t.P]))
                {
                    int cand = grp.Count();
                    if (cand <= ix.MaxPerRegion)
                    {
                        continue;
                    }

                    var cnt = LinearExpr.Sum(grp.Select(t => t.X));
                    if (relax.HasFlag(Relax.Region))
                    {
                        var s = Model.NewIntVar(0, cand - ix.MaxPerRegion, $"rs{c}_{grp.Key}");
                        Model.Add(cnt - s <= ix.MaxPerRegion);
                        slack.Add(s);
                    }
                    else
                    {
                        Model.Add(cnt <= ix.MaxPerRegion);
                    }
                }
            }

            // Isolated gender: iso == (count == 1 and size >= 2), exact.
            if (ix.WIso > 0 && ix.G > 0 && vars.Count >= 2 && ix.Max[c] >= 2)
            {
                BoolVar? big2 = null;
                bool alwaysBig = ix.Min[c] >= 2 && !relax.HasFlag(Relax.Sizes);
                foreach (var grp in vars.Where(t => ix.Gender[t.P] >= 0).GroupBy(t => ix.Gender[t.P]))
                {
                    int cand = grp.Count();
                    var cnt = LinearExpr.Sum(grp.Select(t => t.X));
                    int cc = c, gg = grp.Key;
                    var gmembers = grp.Select(t => t.P).ToArray();
                    var iso = Model.NewBoolVar($"iso{c}_{gg}");
                    if (plain)
                    {
                        // Textbook: iso >= [count == 1] only through a big-M style lower bound via eq1.
                        var eq1p = Model.NewBoolVar($"eq1{c}_{gg}");
                        Model.Add(cnt == 1).OnlyEnforceIf(eq1p);
                        Model.AddLinearExpressionInDomain(cnt, Domain.FromIntervals([[0, 0], [2, cand]])).OnlyEnforceIf(eq1p.Not());
                        if (!alwaysBig)
                        {
                            big2 ??= Big2(c, size, vars.Count);
                            Model.AddBoolOr([eq1p.Not(), big2.Not(), iso]);
                        }
                        else
                        {
                            Model.AddImplication(eq1p, iso);
                        }

                        helpers.Add((eq1p, a => gmembers.Count(p => a[p] == cc) == 1 ? 1 : 0));
                        helpers.Add((iso, a => IsoValue(a, cc, gmembers)));
                        objective.AddTerm(iso, -ix.WIso);
                        continue;
                    }
                    BoolVar eq1;
                    if (cand == 1)
                    {
                        eq1 = grp.First().X;
                    }
                    else
                    {
                        var e1 = Model.NewBoolVar($"eq1{c}_{gg}");
                        Model.Add(cnt == 1).OnlyEnforceIf(e1);
                        Model.AddLinearExpressionInDomain(cnt, Domain.FromIntervals([[0, 0], [2, cand]])).OnlyEnforceIf(e1.Not());
                        helpers.Add((e1, a => gmembers.Count(p => a[p] == cc) == 1 ? 1 : 0));
                        eq1 = e1;
                    }
                    Model.AddImplication(iso, eq1);
                    if (alwaysBig)
                    {
                        Model.AddImplication(eq1, iso);
                    }
                    else
                    {
                        big2 ??= Big2(c, size, vars.Count);
                        Model.AddImplication(iso, big2);
                        Model.AddBoolOr([eq1.Not(), big2.Not(), iso]);
                    }
                    helpers.Add((iso, a => IsoValue(a, cc, gmembers)));
                    objective.AddTerm(iso, -ix.WIso);
                }
            }

            // Interpretation: used[c,l] exact; at most `interpreters` used.
            if (ix.L > 0)
            {
                var byLang = vars.Where(t => ix.Lang[t.P] >= 0).GroupBy(t => ix.Lang[t.P]).ToList();
                bool soft = relax.HasFlag(Relax.Interpretation);
                if (byLang.Count > ix.Interp[c] || soft)
                {
                    var used = new List<ILiteral>();
                    foreach (var grp in byLang)
                    {
                        var u = Model.NewBoolVar($"lang{c}_{grp.Key}");
                        foreach (var t in grp)
                        {
                            Model.AddImplication(t.X, u);
                        }

                        Model.Add(LinearExpr.Sum(grp.Select(t => t.X)) >= 1).OnlyEnforceIf(u);
                        int cc = c;
                        var lmembers = grp.Select(t => t.P).ToArray();
                        helpers.Add((u, a => lmembers.Any(p => a[p] == cc) ? 1 : 0));
                        used.Add(u);
                    }
                    if (soft)
                    {
                        var s = Model.NewIntVar(0, Math.Max(0, used.Count - ix.Interp[c]), $"ls{c}");
                        Model.Add(LinearExpr.Sum(used) - s <= ix.Interp[c]);
                        slack.Add(s);
                    }
                    else
                    {
                        Model.Add(LinearExpr.Sum(used) <= ix.Interp[c]);
                    }
                }
            }
        }

        // Pairs (both members in the model; a partner outside is in a city outside the model).
        foreach (var (pairs, together) in new[] { (ix.Instance.Rules.Apart, false), (ix.Instance.Rules.Together, true) })
        {
            foreach (var pr in pairs)
            {
                int p = ix.PIndex[pr.First], q = ix.PIndex[pr.Second];
                if (!inModel[p] || !inModel[q])
                {
                    continue;
                }

                bool soft = relax.HasFlag(together ? Relax.Together : Relax.Apart);
                BoolVar? broken = soft ? Model.NewBoolVar("broken") : null;
                if (broken is not null)
                {
                    slack.Add(broken);
                }

                foreach (int c in cities)
                {
                    xOf.TryGetValue((long)p * m + c, out var xp);
                    xOf.TryGetValue((long)q * m + c, out var xq);
                    if (!together)
                    {
                        if (xp is null || xq is null)
                        {
                            continue;
                        }

                        if (broken is null)
                        {
                            Model.AddBoolOr([xp.Not(), xq.Not()]);
                        }
                        else
                        {
                            Model.Add(xp + xq <= 1 + broken);
                        }
                    }
                    else
                    {
                        LinearExpr ep = xp is null ? LinearExpr.Constant(0) : xp;
                        LinearExpr eq = xq is null ? LinearExpr.Constant(0) : xq;
                        if (broken is null)
                        {
                            Model.Add(ep == eq);
                        }
                        else
                        {
                            Model.Add(ep - eq <= broken);
                            Model.Add(eq - ep <= broken);
                        }
                    }
                }
                if (broken is not null)
                {
                    var b = broken;
                    helpers.Add((b, a => together ? (a[p] != a[q] ? 1 : 0) : (a[p] == a[q] ? 1 : 0)));
                }
            }
        }

        HasSlack = relax != Relax.None;
        if (HasSlack)
        {
            Model.Minimize(slack);
        }
        else
        {
            Model.Maximize(objective);
        }
    }

    private BoolVar Big2(int c, LinearExpr size, int cand)
    {
        var b = Model.NewBoolVar($"big{c}");
        Model.Add(size >= 2).OnlyEnforceIf(b);
        Model.Add(size <= 1).OnlyEnforceIf(b.Not());
        int cc = c;
        helpers.Add((b, a => a.Count(x => x == cc) >= 2 ? 1 : 0));
        _ = cand;
        return b;
    }

    private static long IsoValue(int[] a, int c, int[] gmembers)
    {
        if (gmembers.Count(p => a[p] == c) != 1)
        {
            return 0;
        }

        return a.Count(x => x == c) >= 2 ? 1 : 0;
    }

    /// <summary>The score expression (over the model's participants and cities).</summary>
    public LinearExpr Objective => objective;

    /// <summary>Adds objective &lt;= bound (a valid inequality when bound is a proven upper bound).</summary>
    public void AddObjectiveUpperBound(long bound) => Model.Add(objective <= bound);

    /// <summary>Hints every variable (assignment and helpers) with its value in plan <paramref name="a"/>.</summary>
    public void Hint(int[] a)
    {
        Model.ClearHints();
        foreach (var (v, value) in helpers)
        {
            Model.AddHint(v, value(a));
        }
    }

    /// <summary>Writes the model's participants' cities into <paramref name="a"/>.</summary>
    public void Decode(Func<ILiteral, bool> isTrue, int[] a)
    {
        for (int i = 0; i < parts.Length; i++)
        {
            foreach (var (c, x) in xs[i])
            {
                if (isTrue(x)) { a[parts[i]] = c; break; }
            }
        }
    }
}
