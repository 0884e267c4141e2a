using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Splits;
using Tmssw.Planning;
using Tmssw.Planning.Splits;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Splits;

public sealed class SplitUseCaseTests
{
    private static readonly UserScope Staff = new("u1", "staff@tmssw.test", new HashSet<string> { Roles.Admin }, new HashSet<int>());
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(4);

    private sealed class Kit(TmsswDbContext db)
    {
        public TmsswDbContext Db { get; } = db;
        public AuditLog Audit { get; } = new(db, TimeProvider.System);
        public SplitSettingsStore Settings => new(Db, Audit, TimeProvider.System);
        public BuildSplitInstance Build => new(Db, Settings);
        public RunSplit Run => new(Db, Build, Audit, TimeProvider.System);
        public MoveParticipant Move => new(Db, Audit);
        public LockParticipant Lock => new(Db, Audit);
        public SaveSplitVersion Save => new(Db, Audit, TimeProvider.System);
        public CompareSplitVersions Compare => new(Db);
        public PublishSplit Publish => new(Db, Audit, TimeProvider.System);
        public ReplanAfterWithdrawal Replan => new(Db, Settings, Run, Audit, TimeProvider.System);
    }

    private static async Task<(TestDatabase Database, int EditionId)> DemoAsync(Provider provider)
    {
        var database = await DemoDatabase.CreateAsync(provider);
        return (database, await database.EditionIdAsync(2024));
    }

    [Theory, ProviderData]
    public async Task The_demo_instance_has_56_participants_in_9_cities_with_defaults_that_fit(Provider provider)
    {
        var (database, editionId) = await DemoAsync(provider);
        await using var _ = database;
        await using var db = database.NewContext();
        var build = await new Kit(db).Build.RunAsync(editionId);
        var instance = build.Instance;
        Assert.Equal(56, instance.Participants.Count);
        Assert.Equal(9, instance.Cities.Count);
        Assert.Empty(instance.Validate());
        Assert.True(instance.Cities.Sum(c => c.MaxSize) >= 56);
        Assert.True(instance.Cities.Sum(c => c.MinSize) <= 56);
        Assert.All(instance.Cities, c => Assert.NotEmpty(c.Themes));
        Assert.Contains(instance.Cities, c => c.Id == "phoenix" && c.Name == "Phoenix, AZ");
        Assert.Empty(instance.Previous);
        Assert.Equal(SplitWeights.Default, instance.Weights);
        Assert.Contains(instance.Participants, p => p.Interpretation == "es");

        // The input format round-trips: what the CLI would export is what the planner reads.
        var read = SplitJson.ReadInstance(SplitJson.WriteInstance(instance));
        Assert.True(read.Ok, string.Join("; ", read.Errors));
    }

    [Theory, ProviderData]
    public async Task Settings_are_validated_field_by_field_then_stored_and_audited(Provider provider)
    {
        var (database, editionId) = await DemoAsync(provider);
        await using var _ = database;
        await using var db = database.NewContext();
        var kit = new Kit(db);
        var data = await kit.Settings.LoadAsync(editionId);
        data.Cities[2].MaxSize = 1;
        data.Cities[2].MinSize = 3;
        data.ThemeWeight = -1;
        data.Apart = [[1, 1]];
        var errors = await kit.Settings.SaveAsync(Staff, editionId, data);
        Assert.Contains("Cities[2].MaxSize", errors.Keys);
        Assert.Contains("ThemeWeight", errors.Keys);
        Assert.Contains("Apart", errors.Keys);
        Assert.False(await kit.Settings.IsStoredAsync(editionId));

        data = await kit.Settings.LoadAsync(editionId);
        data.ThemeWeight = 20;
        data.Cities[0].MaxSize = 8;
        Assert.Empty(await kit.Settings.SaveAsync(Staff, editionId, data));
        var stored = await new Kit(database.NewContext()).Settings.LoadAsync(editionId);
        Assert.Equal(20, stored.ThemeWeight);
        Assert.Equal(8, stored.Cities[0].MaxSize);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "SplitSettingsSaved");
        Assert.Contains("ThemeWeight", entry.ChangesJson);
        Assert.DoesNotContain("SameCountryWeight", entry.ChangesJson);
    }

    [Theory, ProviderData]
    public async Task Run_move_lock_save_compare_publish(Provider provider)
    {
        var (database, editionId) = await DemoAsync(provider);
        await using var _ = database;
        await using var db = database.NewContext();
        var kit = new Kit(db);

        // Run: a version is saved, consistent with the scorer.
        var reports = new List<SplitProgress>();
        var run = await kit.Run.RunAsync(Staff, editionId, new RunSplitOptions { TimeLimit = Limit, Progress = new SyncProgress(reports) });
        Assert.True(run.Saved, string.Join("; ", run.Result.Conflicts));
        var v1 = run.Plan!;
        Assert.Equal(1, v1.Version);
        Assert.Contains(v1.SolverStatus, new[] { "Optimal", "Feasible" });
        Assert.Equal(56, v1.Assignments.Count);
        var evaluation = SplitScorer.Evaluate(run.Build.Instance, SplitPlans.AssignmentOf(v1));
        Assert.True(evaluation.IsFeasible, string.Join("; ", evaluation.Violations));
        Assert.Equal(evaluation.Score, v1.Score);
        Assert.True(v1.Bound >= v1.Score);
        Assert.Equal(v1.SolverStatus == "Optimal", v1.Bound == v1.Score);
        Assert.NotEmpty(reports);
        Assert.All(v1.Assignments, a => Assert.False(string.IsNullOrWhiteSpace(a.Explanation)));
        Assert.Equal(evaluation.Score, SplitPlans.GroupScores(run.Build.Instance, SplitPlans.AssignmentOf(v1)).Values.Sum());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "SplitRun" && a.EntityId == $"{editionId}/v1"));

        // Move: the breakdown and the broken rules update at once.
        var p = v1.Assignments[0];
        var smallest = v1.Assignments.GroupBy(a => a.CityId).OrderBy(g => g.Count()).First().Key;
        var mover = v1.Assignments.First(a => a.CityId == smallest);
        var target = v1.Assignments.Select(a => a.CityId).First(c => c != smallest);
        var moved = await kit.Move.RunAsync(Staff, editionId, 1, mover.ParticipantId, target);
        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(SplitScorer.Evaluate(run.Build.Instance, SplitPlans.AssignmentOf(moved.Plan!)).Score, moved.Evaluation!.Score);
        Assert.Equal("Manual", moved.Plan!.SolverStatus);
        Assert.Equal(moved.Evaluation.Score, moved.Plan.Score);
        var minSize = run.Build.Instance.Cities.Single(c => c.Id == smallest).MinSize;
        if (v1.Assignments.Count(a => a.CityId == smallest) < minSize)
        {
            Assert.Contains(moved.Evaluation.Violations, v => v.Contains(run.Build.Instance.Cities.Single(c => c.Id == smallest).Name));
        }

        Assert.False((await kit.Move.RunAsync(Staff, editionId, 1, mover.ParticipantId, "atlantis")).Succeeded);

        // Lock, then move someone else into a breaking place: the lock shows as a broken rule only when broken.
        var locked = await kit.Lock.RunAsync(Staff, editionId, 1, p.ParticipantId, true);
        Assert.True(locked.Succeeded, locked.Error);
        Assert.True(locked.Plan!.Assignments.Single(a => a.ParticipantId == p.ParticipantId).Locked);
        Assert.Equal(moved.Evaluation.Score, locked.Evaluation!.Score);

        // Move back: the original plan's score again.
        var back = await kit.Move.RunAsync(Staff, editionId, 1, mover.ParticipantId, smallest);
        Assert.Equal(v1.Score, back.Evaluation!.Score);
        Assert.True(back.Evaluation.IsFeasible);

        // Save a copy, move one in it, compare.
        var (v2, error) = await kit.Save.RunAsync(Staff, editionId, 1, "Staff draft");
        Assert.Null(error);
        Assert.Equal(2, v2!.Version);
        var other = v2.Assignments.First(a => a.ParticipantId != p.ParticipantId);
        var otherCity = run.Build.Instance.Cities.Select(c => c.Id).First(c => c != other.CityId);
        var from = other.CityId;
        await kit.Move.RunAsync(Staff, editionId, 2, other.ParticipantId, otherCity);
        var comparison = await new Kit(database.NewContext()).Compare.RunAsync(Staff, editionId, 1, 2);
        Assert.NotNull(comparison);
        var move = Assert.Single(comparison!.Moves);
        Assert.Equal((other.ParticipantId, from, otherCity), (move.ParticipantId, move.From, move.To));
        Assert.Equal(comparison.EvaluationB.Score - comparison.EvaluationA.Score, comparison.ScoreDifference);

        // Publish v1: every participant's group is their city's group.
        var published = await kit.Publish.RunAsync(Staff, editionId, 1);
        Assert.True(published.Succeeded, published.Error);
        await using (var check = database.NewContext())
        {
            var groups = await check.Groups.Where(g => g.EditionId == editionId).ToDictionaryAsync(g => g.Id, g => g.CityId);
            var cityOf = (await check.SplitAssignments.Where(a => a.SplitPlanId == v1.Id).ToListAsync()).ToDictionary(a => a.ParticipantId, a => a.CityId);
            // The cohort the split placed; the demo's synthetic alumni (Completed) were never in it.
            var people = await check.Participants.Where(x => x.EditionId == editionId && x.Status != Tmssw.Core.Participants.NominationStatus.Completed).ToListAsync();
            Assert.All(people, x => Assert.Equal(cityOf[x.Id], groups[x.GroupId!.Value]));
            Assert.Equal(56, await check.AuditEntries.CountAsync(a => a.Action == "GroupAssigned"));
        }

        // A published version is not edited in place.
        Assert.Contains("published", (await kit.Move.RunAsync(Staff, editionId, 1, p.ParticipantId, target)).Error);

        // Publish v2 if it breaks nothing; either way v1 stays the only published one until then.
        var v2Eval = comparison.EvaluationB;
        var second = await kit.Publish.RunAsync(Staff, editionId, 2);
        Assert.Equal(v2Eval.IsFeasible, second.Succeeded);
        await using (var check = database.NewContext())
        {
            var publishedVersions = await check.SplitPlans.Where(x => x.EditionId == editionId && x.IsPublished).Select(x => x.Version).ToListAsync();
            Assert.Equal([second.Succeeded ? 2 : 1], publishedVersions);
            if (second.Succeeded)
            {
                var moverGroup = await check.Participants.Where(x => x.Id == other.ParticipantId).Select(x => x.GroupId).SingleAsync();
                Assert.Equal(otherCity, await check.Groups.Where(g => g.Id == moverGroup).Select(g => g.CityId).SingleAsync());
                Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "SplitUnpublished" && a.EntityId == $"{editionId}/v1"));
            }
        }
    }

    [Theory, ProviderData]
    public async Task A_withdrawal_moves_only_people_whose_move_pays_for_itself(Provider provider)
    {
        var (database, editionId) = await DemoAsync(provider);
        await using var _ = database;
        await using var db = database.NewContext();
        var kit = new Kit(db);
        var run = await kit.Run.RunAsync(Staff, editionId, new RunSplitOptions { TimeLimit = Limit });
        Assert.True(run.Saved);
        Assert.True((await kit.Publish.RunAsync(Staff, editionId, 1)).Succeeded);

        // The one who withdraws: someone from the largest group, so no group falls below its minimum.
        var largest = run.Plan!.Assignments.GroupBy(a => a.CityId).OrderByDescending(g => g.Count()).First();
        var leaving = largest.First().ParticipantId;
        var replan = await kit.Replan.RunAsync(Staff, editionId, new Withdrawal(leaving, "Family emergency"), new RunSplitOptions { TimeLimit = Limit });
        Assert.True(replan.Succeeded, replan.Error);
        var plan = replan.Run!.Plan!;
        var instance = replan.Run.Build.Instance;
        Assert.Equal(55, plan.Assignments.Count);
        Assert.Equal(NominationStatus.Withdrawn, (await database.NewContext().Participants.SingleAsync(x => x.Id == leaving)).Status);

        var after = SplitPlans.AssignmentOf(plan);
        var evaluation = SplitScorer.Evaluate(instance, after);
        Assert.True(evaluation.IsFeasible);
        var moves = replan.Moves!;
        Assert.True(moves.Count <= 4, $"{moves.Count} people moved: {string.Join(", ", moves.Select(m => $"{m.Name} {m.From}→{m.To}"))}");
        Assert.Equal(-instance.Weights.Change * moves.Count, evaluation.Breakdown.Change);

        // Keeping everyone where they were is a valid plan here; the moves together gain more than they cost.
        var stay = SplitPlans.AssignmentOf(run.Plan).Where(a => a.Key != BuildSplitInstance.Id(leaving)).ToDictionary(a => a.Key, a => a.Value);
        var stayEvaluation = SplitScorer.Evaluate(instance, stay);
        Assert.True(stayEvaluation.IsFeasible, string.Join("; ", stayEvaluation.Violations));
        Assert.True(evaluation.Score >= stayEvaluation.Score);

        // Each move is justified: putting any one mover back, alone, is infeasible or does not score more.
        foreach (var m in moves)
        {
            var undo = new Dictionary<string, string>(after) { [BuildSplitInstance.Id(m.ParticipantId)] = m.From! };
            var undone = SplitScorer.Evaluate(instance, undo);
            Assert.True(!undone.IsFeasible || undone.Score <= evaluation.Score, $"Moving {m.Name} back scores {undone.Score} > {evaluation.Score}");
        }

        // Publishing it takes the one who left out of their group.
        Assert.True((await kit.Publish.RunAsync(Staff, editionId, plan.Version)).Succeeded);
        Assert.Null((await database.NewContext().Participants.SingleAsync(x => x.Id == leaving)).GroupId);
    }

    private sealed class SyncProgress(List<SplitProgress> list) : IProgress<SplitProgress>
    {
        public void Report(SplitProgress value)
        {
            lock (list)
            {
                list.Add(value);
            }
        }
    }
}
