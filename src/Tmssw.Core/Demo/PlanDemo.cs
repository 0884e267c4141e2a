using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Participants;
using Tmssw.Core.Partners;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Scheduling;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Demo;

/// <summary>What planning the demo did, in words for the console.</summary>
public sealed record DemoPlanReport(IReadOnlyList<string> Lines);

/// <summary>
/// Makes the 2024 demo edition ready to click through: runs the split planner and publishes the
/// split (every participant in a city group), then schedules and publishes each group's week. Does
/// nothing when the edition already has a split, so it runs once.
/// </summary>
public sealed class PlanDemo(
    TmsswDbContext db,
    RunSplit runSplit,
    PublishSplit publishSplit,
    RunSchedule runSchedule,
    PublishSchedule publishSchedule,
    SensitiveFields sensitive,
    PrepareCountdown prepareCountdown,
    PlanHospitality planHospitality,
    SaveHospitality saveHospitality)
{
    /// <summary>The demo is planned as a system Admin, so the audit log names the loader.</summary>
    public static readonly UserScope Planner = UserScope.Admin(LoadDemo.Actor);

    public async Task<DemoPlanReport> RunAsync(TimeSpan splitTimeLimit, TimeSpan scheduleTimeLimit, CancellationToken cancellationToken = default)
    {
        var lines = new List<string>();
        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Year == Demo2024.Year, cancellationToken);
        if (await db.SplitPlans.AnyAsync(p => p.EditionId == edition.Id, cancellationToken))
        {
            return new DemoPlanReport(["The 2024 demo already has a split; nothing planned."]);
        }

        var split = await runSplit.RunAsync(Planner, edition.Id, new RunSplitOptions { TimeLimit = splitTimeLimit, Name = "Demo split" }, cancellationToken);
        if (split.Plan is null)
        {
            return new DemoPlanReport([$"The demo split found no plan: {string.Join(" ", split.Result.Conflicts)}"]);
        }

        var published = await publishSplit.RunAsync(Planner, edition.Id, split.Plan.Version, cancellationToken);
        lines.Add(published.Succeeded
            ? $"Split: {split.Result.Status}, score {split.Result.Score} (bound {split.Result.Bound}); published as version {split.Plan.Version}."
            : $"Split version {split.Plan.Version} saved but not published: {published.Error}");
        if (!published.Succeeded)
        {
            return new DemoPlanReport(lines);
        }

        // Every demo participant gets a synthetic address (example.org is reserved for examples), so the
        // messages that publishing the weeks generates have somewhere to go once a person approves them.
        foreach (var p in await db.Participants.Where(p => p.EditionId == edition.Id && p.IsSynthetic && p.PersonalEmailProtected == null).ToListAsync(cancellationToken))
        {
            var values = sensitive.Read(p);
            sensitive.Write(p, values with { PersonalEmail = string.Create(CultureInfo.InvariantCulture, $"participant-{p.Id}@example.org") });
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var city in Demo2024.SplitCities)
        {
            var run = await runSchedule.RunAsync(Demo2024.Year, city, Planner, new ScheduleRunSettings { TimeLimit = scheduleTimeLimit }, cancellationToken);
            var publish = run.Succeeded ? await publishSchedule.RunAsync(Demo2024.Year, city, Planner, cancellationToken) : Result.Fail(run.Describe());
            lines.Add($"{city}: {run.Describe()}{(publish.Succeeded ? " Published." : " Not published: " + publish.Error)}");
        }

        var countdown = await prepareCountdown.RunAsync(Planner, Demo2024.Year, cancellationToken);
        lines.Add($"Countdown: {countdown.Added} tasks for the city groups.");
        foreach (var city in Demo2024.SplitCities)
        {
            var (plan, error) = await planHospitality.RunAsync(Planner, Demo2024.Year, city, null, cancellationToken);
            var saved = plan is null ? Result.Fail(error!) : await saveHospitality.RunAsync(Planner, Demo2024.Year, city, plan.Evening, SaveHospitality.ChoiceOf(plan), cancellationToken);
            lines.Add(saved.Succeeded
                ? $"{city}: home hospitality on {plan!.Evening:yyyy-MM-dd} in {plan.Homes.Count(h => h.Guests.Count > 0)} homes, {plan.Unplaced.Count} unplaced."
                : $"{city}: home hospitality not saved: {saved.Error}");
        }

        return new DemoPlanReport(lines);
    }
}
