using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Tmssw.Bench.Schedule;

// Adapter for Timefold's meeting-scheduling data sets (Apache-2.0, see data/timefold/README.md):
// the problem as the timefold-quickstarts meeting-scheduling example defines it, scored with its
// ConstraintProvider's constraints and weights, solved with a CP-SAT model of our own.

internal sealed record TfMeeting(int Id, int Duration, int[] Required, int[] Preferred)
{
    public int Need => Required.Length + Preferred.Length;
}

internal sealed record TfRoom(string Name, int Capacity);

/// <summary>A Timefold meeting-scheduling instance: meetings, people's attendance, rooms, 15-minute grains over days.</summary>
internal sealed class TimefoldProblem
{
    public required TfMeeting[] Meetings { get; init; }
    public required TfRoom[] Rooms { get; init; }
    /// <summary>Day of year per grain index.</summary>
    public required int[] GrainDay { get; init; }
    public required int Persons { get; init; }
    public int Grains => GrainDay.Length;

    /// <summary>Reads Timefold's JSON (Jackson identity references: an object the first time, its "@id" after).</summary>
    public static TimefoldProblem Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var persons = new Dictionary<string, int>(StringComparer.Ordinal);
        int Person(JsonElement e)
        {
            var id = e.ValueKind == JsonValueKind.Object ? e.GetProperty("@id").GetString()! : e.GetString()!;
            if (!persons.TryGetValue(id, out var i))
            {
                persons[id] = i = persons.Count;
            }

            return i;
        }
        var meetings = root.GetProperty("meetingList").EnumerateArray().Select(m => new TfMeeting(
            m.GetProperty("id").GetInt32(),
            m.GetProperty("durationInGrains").GetInt32(),
            [.. m.GetProperty("requiredAttendanceList").EnumerateArray().Select(a => Person(a.GetProperty("person")))],
            [.. m.GetProperty("preferredAttendanceList").EnumerateArray().Select(a => Person(a.GetProperty("person")))])).ToArray();
        var days = root.GetProperty("dayList").EnumerateArray().ToDictionary(d => d.GetProperty("@id").GetString()!, d => d.GetProperty("dayOfYear").GetInt32());
        var grains = root.GetProperty("timeGrainList").EnumerateArray().Select(g =>
        {
            var day = g.GetProperty("day");
            var dayOfYear = day.ValueKind == JsonValueKind.Object ? day.GetProperty("dayOfYear").GetInt32() : days[day.GetString()!];
            return (Index: g.GetProperty("grainIndex").GetInt32(), Day: dayOfYear);
        }).ToList();
        var grainDay = new int[grains.Max(g => g.Index) + 1];
        foreach (var (index, day) in grains)
        {
            grainDay[index] = day;
        }

        var rooms = root.GetProperty("roomList").EnumerateArray().Select(r => new TfRoom(r.GetProperty("name").GetString()!, r.GetProperty("capacity").GetInt32())).ToArray();
        return new TimefoldProblem { Meetings = meetings, Rooms = rooms, GrainDay = grainDay, Persons = persons.Count };
    }
}

internal readonly record struct TfScore(long Hard, long Medium, long Soft, int HardViolations)
{
    public override string ToString() => $"{Hard}hard/{Medium}medium/{Soft}soft";
}

/// <summary>Timefold's MeetingSchedulingConstraintProvider, constraint by constraint, with its weights.</summary>
internal static class TimefoldScorer
{
    public static TfScore Score(TimefoldProblem p, int[] start, int[] room)
    {
        var ms = p.Meetings;
        var n = ms.Length;
        int Last(int m) => start[m] + ms[m].Duration - 1;
        int Overlap(int a, int b)
        {
            int sa = start[a], ea = Last(a) + 1, sb = start[b], eb = Last(b) + 1;
            return sa < eb && sb < ea ? Math.Min(ea, eb) - Math.Max(sa, sb) : 0;
        }
        long hard = 0, medium = 0, soft = 0;
        var hardCount = 0;
        void Hard(long w)
        {
            if (w == 0)
            {
                return;
            }

            hard -= w;
            hardCount++;
        }
        var required = new List<(int Person, int Meeting)>();
        var preferred = new List<(int Person, int Meeting)>();
        for (var m = 0; m < n; m++)
        {
            required.AddRange(ms[m].Required.Select(x => (x, m)));
            preferred.AddRange(ms[m].Preferred.Select(x => (x, m)));
        }

        // Hard: room conflict, overtime, required attendance conflict, room capacity, same day.
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (room[a] == room[b])
                {
                    Hard(Overlap(a, b));
                }
            }
        }

        for (var m = 0; m < n; m++)
        {
            if (Last(m) >= p.Grains)
            {
                Hard(Last(m));
            }
            else if (p.GrainDay[Last(m)] != p.GrainDay[start[m]])
            {
                Hard(1);
            }

            var capacity = p.Rooms[room[m]].Capacity;
            if (ms[m].Need > capacity)
            {
                Hard(ms[m].Need - capacity);
            }
        }
        for (var i = 0; i < required.Count; i++)
        {
            for (var j = i + 1; j < required.Count; j++)
            {
                if (required[i].Person == required[j].Person)
                {
                    Hard(Overlap(required[i].Meeting, required[j].Meeting));
                }
            }
        }

        // Medium: required and preferred attendance conflict; preferred attendance conflict.
        foreach (var r in required)
        {
            foreach (var q in preferred)
            {
                if (r.Person == q.Person)
                {
                    medium -= Overlap(r.Meeting, q.Meeting);
                }
            }
        }

        for (var i = 0; i < preferred.Count; i++)
        {
            for (var j = i + 1; j < preferred.Count; j++)
            {
                if (preferred[i].Person == preferred[j].Person)
                {
                    medium -= Overlap(preferred[i].Meeting, preferred[j].Meeting);
                }
            }
        }

        // Soft: as soon as possible, one grain break, overlapping meetings, larger rooms first, room stability.
        for (var m = 0; m < n; m++)
        {
            soft -= Last(m);
            foreach (var other in p.Rooms)
            {
                if (other.Capacity > p.Rooms[room[m]].Capacity)
                {
                    soft -= other.Capacity - p.Rooms[room[m]].Capacity;
                }
            }
        }
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                if (Last(a) == start[b] - 1)
                {
                    soft -= 100;
                }

                if (ms[a].Id > ms[b].Id)
                {
                    soft -= 10L * Overlap(a, b);
                }
            }
        }

        var all = required.Concat(preferred).ToList();
        foreach (var l in all)
        {
            foreach (var r in all)
            {
                if (l.Person != r.Person || l.Meeting == r.Meeting)
                {
                    continue;
                }

                int a = l.Meeting, b = r.Meeting;
                if (start[a] < start[b] && room[a] != room[b] && start[b] - ms[a].Duration - start[a] <= 2)
                {
                    soft -= 1;
                }
            }
        }

        return new TfScore(hard, medium, soft, hardCount);
    }
}

internal sealed record TfSolution(int[] Start, int[] Room, string Status, string BoundText, double Seconds);

/// <summary>A CP-SAT model of the Timefold problem (hard rules as constraints; medium then soft as one objective).</summary>
internal static class TimefoldSolver
{
    private const long Big = 1_000_000;

    private static int[] Starts(TimefoldProblem p, TfMeeting m) =>
        [.. Enumerable.Range(0, p.Grains).Where(g => g + m.Duration - 1 < p.Grains && p.GrainDay[g] == p.GrainDay[g + m.Duration - 1])];

    private static int[] Rooms(TimefoldProblem p, TfMeeting m)
    {
        var fit = Enumerable.Range(0, p.Rooms.Length).Where(r => p.Rooms[r].Capacity >= m.Need).ToArray();
        if (fit.Length > 0)
        {
            return fit;
        }

        var max = p.Rooms.Max(r => r.Capacity);
        return [.. Enumerable.Range(0, p.Rooms.Length).Where(r => p.Rooms[r].Capacity == max)];
    }

    private static long RoomCost(TimefoldProblem p, int r) =>
        p.Rooms.Where(o => o.Capacity > p.Rooms[r].Capacity).Sum(o => (long)(o.Capacity - p.Rooms[r].Capacity));

    /// <summary>Earliest fit, largest meetings first: a room that is free and no attendee busy (preferred clashes allowed if needed).</summary>
    public static TfSolution Greedy(TimefoldProblem p)
    {
        var watch = Stopwatch.StartNew();
        var n = p.Meetings.Length;
        var start = Enumerable.Repeat(-1, n).ToArray();
        var room = new int[n];
        var roomBusy = new bool[p.Rooms.Length, p.Grains];
        var personBusy = new int[p.Persons, p.Grains]; // 0 free, 1 preferred, 2 required
        foreach (var m in Enumerable.Range(0, n).OrderByDescending(m => p.Meetings[m].Need * p.Meetings[m].Duration))
        {
            var meeting = p.Meetings[m];
            var starts = Starts(p, meeting);
            var rooms = Rooms(p, meeting).OrderBy(r => RoomCost(p, r)).ToArray();
            for (var pass = 0; pass < 2 && start[m] < 0; pass++)
            {
                var order = pass == 0 ? starts : [.. starts.OrderBy(s => Clashes(s)).ThenBy(s => s)];
                int Clashes(int s) => Enumerable.Range(s, meeting.Duration).Sum(g =>
                    meeting.Required.Concat(meeting.Preferred).Count(x => personBusy[x, g] != 0));
                foreach (var s in order)
                {
                    var grains = Enumerable.Range(s, meeting.Duration).ToArray();
                    bool PersonOk(int person, bool req) => grains.All(g => personBusy[person, g] == 0 || (pass == 1 && !(req && personBusy[person, g] == 2)));
                    if (!meeting.Required.All(x => PersonOk(x, true)) || (pass == 0 && !meeting.Preferred.All(x => PersonOk(x, false))))
                    {
                        continue;
                    }

                    var r = rooms.FirstOrDefault(r => grains.All(g => !roomBusy[r, g]), -1);
                    if (r < 0)
                    {
                        continue;
                    }

                    start[m] = s;
                    room[m] = r;
                    foreach (var g in grains)
                    {
                        roomBusy[r, g] = true;
                        foreach (var x in meeting.Required)
                        {
                            personBusy[x, g] = 2;
                        }

                        foreach (var x in meeting.Preferred)
                        {
                            personBusy[x, g] = Math.Max(personBusy[x, g], 1);
                        }
                    }
                    break;
                }
            }
            if (start[m] < 0)
            {
                start[m] = starts[0];
                room[m] = rooms[0];
            }
        }
        return new TfSolution(start, room, "greedy", "—", watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Phase 1 finds a schedule without hard violations (rooms, required attendance, capacity, day
    /// bounds are constraints) with a short limit; phase 2 minimizes medium, then soft, from there.
    /// </summary>
    public static TfSolution Solve(TimefoldProblem p, TimeSpan limit, int workers)
    {
        var watch = Stopwatch.StartNew();
        var greedy = Greedy(p);
        var first = Phase(p, TimeSpan.FromSeconds(Math.Min(1.5, limit.TotalSeconds * 0.3)), workers, full: false, greedy, watch);
        var left = limit - watch.Elapsed;
        if (left <= TimeSpan.FromSeconds(0.2))
        {
            return first with { Seconds = watch.Elapsed.TotalSeconds };
        }

        var start = Better(p, greedy, first);
        var second = Phase(p, left, workers, full: true, start, watch);
        var best = second.Status is "Optimal" or "Feasible" ? Better(p, start, second) : start;
        var status = second.Status is "Optimal" or "Feasible" ? second.Status : "phase 2 found nothing: best of greedy and phase 1";
        return best with { Seconds = watch.Elapsed.TotalSeconds, Status = status };
    }

    /// <summary>The better of two schedules by Timefold's score (hard, then medium, then soft).</summary>
    private static TfSolution Better(TimefoldProblem p, TfSolution a, TfSolution b)
    {
        var sa = TimefoldScorer.Score(p, a.Start, a.Room);
        var sb = TimefoldScorer.Score(p, b.Start, b.Room);
        return (sb.Hard, sb.Medium, sb.Soft).CompareTo((sa.Hard, sa.Medium, sa.Soft)) > 0 ? b : a;
    }

    private static TfSolution Phase(TimefoldProblem p, TimeSpan limit, int workers, bool full, TfSolution hint, Stopwatch watch)
    {
        var ms = p.Meetings;
        var n = ms.Length;
        var model = new CpModel();
        var s = new IntVar[n];
        var x = new Dictionary<(int, int), BoolVar>();
        var fixedIntervals = new IntervalVar[n];
        var soft = new List<(LinearExpr Expr, long Weight)>();
        var roomIntervals = Enumerable.Range(0, p.Rooms.Length).Select(_ => new List<IntervalVar>()).ToArray();
        for (var m = 0; m < n; m++)
        {
            var d = ms[m].Duration;
            s[m] = model.NewIntVarFromDomain(Domain.FromValues([.. Starts(p, ms[m]).Select(v => (long)v)]), $"s{m}");
            fixedIntervals[m] = model.NewFixedSizeIntervalVar(s[m], d, $"i{m}");
            var lits = new List<ILiteral>();
            foreach (var r in Rooms(p, ms[m]))
            {
                var b = model.NewBoolVar($"x{m}_{r}");
                x[(m, r)] = b;
                lits.Add(b);
                roomIntervals[r].Add(model.NewOptionalFixedSizeIntervalVar(s[m], d, b, $"i{m}_{r}"));
                var cost = RoomCost(p, r);
                if (cost > 0)
                {
                    soft.Add((b, cost));
                }
            }
            model.AddExactlyOne(lits);
            soft.Add((s[m] + (d - 1), 1)); // as soon as possible: last grain index
        }
        foreach (var list in roomIntervals)
        {
            if (list.Count > 1)
            {
                model.AddNoOverlap(list);
            }
        }

        var requiredOf = Enumerable.Range(0, p.Persons).Select(_ => new List<int>()).ToArray();
        var preferredOf = Enumerable.Range(0, p.Persons).Select(_ => new List<int>()).ToArray();
        for (var m = 0; m < n; m++)
        {
            foreach (var q in ms[m].Required)
            {
                requiredOf[q].Add(m);
            }

            foreach (var q in ms[m].Preferred)
            {
                preferredOf[q].Add(m);
            }
        }
        var hardPair = new HashSet<(int, int)>();
        for (var q = 0; q < p.Persons; q++)
        {
            if (requiredOf[q].Count > 1)
            {
                model.AddNoOverlap(requiredOf[q].Select(m => fixedIntervals[m]));
            }

            foreach (var a in requiredOf[q])
            {
                foreach (var b in requiredOf[q])
                {
                    if (a < b)
                    {
                        hardPair.Add((a, b));
                    }
                }
            }
        }
        // Medium weight per meeting pair: attendance pairs of one person with at least one preferred.
        var mediumWeight = new Dictionary<(int, int), long>();
        void AddMedium(int a, int b)
        {
            if (a == b)
            {
                return;
            }

            var key = a < b ? (a, b) : (b, a);
            mediumWeight[key] = mediumWeight.GetValueOrDefault(key) + 1;
        }
        for (var q = 0; q < p.Persons; q++)
        {
            foreach (var a in requiredOf[q])
            {
                foreach (var b in preferredOf[q])
                {
                    AddMedium(a, b);
                }
            }

            var pref = preferredOf[q];
            for (var i = 0; i < pref.Count; i++)
            {
                for (var j = i + 1; j < pref.Count; j++)
                {
                    AddMedium(pref[i], pref[j]);
                }
            }
        }
        var medium = new List<(LinearExpr Expr, long Weight)>();
        var hints = new List<(IntVar Var, Func<int[], long> Value)>();
        for (var a = 0; a < n && full; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                int da = ms[a].Duration, db = ms[b].Duration;
                if (!hardPair.Contains((a, b)))
                {
                    // overlap = max(0, min(da, db, s_a + da - s_b, s_b + db - s_a))
                    var min = model.NewIntVar(-p.Grains, Math.Min(da, db), $"min{a}_{b}");
                    model.AddMinEquality(min, [LinearExpr.Constant(da), LinearExpr.Constant(db), s[a] + da - s[b], s[b] + db - s[a]]);
                    var ov = model.NewIntVar(0, Math.Min(da, db), $"ov{a}_{b}");
                    model.Add(ov >= min);
                    int aa = a, bb = b;
                    long MinOf(int[] st) => Math.Min(Math.Min(da, db), Math.Min(st[aa] + da - st[bb], st[bb] + db - st[aa]));
                    hints.Add((min, MinOf));
                    hints.Add((ov, st => Math.Max(0, MinOf(st))));
                    soft.Add((ov, 10));
                    if (mediumWeight.TryGetValue((a, b), out var w))
                    {
                        medium.Add((ov, w));
                    }
                }
                // One grain break: penalize b starting right after a ends, and a right after b.
                foreach (var (u, v, du) in new[] { (a, b, da), (b, a, db) })
                {
                    var adj = model.NewBoolVar($"adj{u}_{v}");
                    int uu = u, vv = v, dd = du;
                    hints.Add((adj, st => st[vv] - st[uu] - dd == 0 ? 1 : 0));
                    model.AddLinearExpressionInDomain(s[v] - s[u] - du, Domain.FromValues([0]).Complement()).OnlyEnforceIf(adj.Not());
                    soft.Add((adj, 100));
                }
            }
        }
        var objective = LinearExpr.WeightedSum(medium.Select(t => t.Expr), medium.Select(t => t.Weight * Big))
                        + LinearExpr.WeightedSum(soft.Select(t => t.Expr), soft.Select(t => t.Weight));
        if (!full)
        {
            // Phase 1: stay as close as possible to the hint (the greedy schedule has few clashes).
            var distance = new List<LinearExpr>();
            for (var m = 0; m < n; m++)
            {
                var dist = model.NewIntVar(0, p.Grains, $"dist{m}");
                model.AddAbsEquality(dist, s[m] - hint.Start[m]);
                distance.Add(dist);
            }
            objective = LinearExpr.Sum(distance);
        }
        model.Minimize(objective);

        foreach (var (v, value) in hints)
        {
            model.AddHint(v, value(hint.Start));
        }

        for (var m = 0; m < n; m++)
        {
            model.AddHint(s[m], hint.Start[m]);
            foreach (var ((mm, r), b) in x)
            {
                if (mm == m)
                {
                    model.AddHint(b, r == hint.Room[m]);
                }
            }
        }

        var n_workers = workers > 0 ? workers : Math.Max(4, Environment.ProcessorCount);
        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{Math.Max(0.1, limit.TotalSeconds):0.###} num_workers:{n_workers}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return hint with { Status = status.ToString(), Seconds = watch.Elapsed.TotalSeconds };
        }

        var start = new int[n];
        var room = new int[n];
        for (var m = 0; m < n; m++)
        {
            start[m] = (int)solver.Value(s[m]);
            room[m] = x.First(kv => kv.Key.Item1 == m && solver.BooleanValue(kv.Value)).Key.Item2;
        }
        var mediumBound = (long)Math.Floor(solver.BestObjectiveBound / Big);
        return new TfSolution(start, room, status.ToString(), full && mediumBound > 0 ? $"medium ≤ -{mediumBound}" : "—", watch.Elapsed.TotalSeconds);
    }
}
