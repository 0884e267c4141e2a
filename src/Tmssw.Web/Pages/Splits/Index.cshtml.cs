using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Jobs;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;
using Tmssw.Planning.Splits;
using Tmssw.Web.Jobs;
using Tmssw.Web.Security;
using CoreParticipant = Tmssw.Core.Participants.Participant;

namespace Tmssw.Web.Pages.Splits;

/// <summary>
/// /manage/{year}/split — Admin and the edition's assigned Staff only. Other roles (Host, Nominator,
/// Interpreter, Participant) are refused by the Staff policy (403, the "not allowed" page); Staff of
/// another edition, and any unknown year, get a 404. Sets the rules and weights, runs the planner in the
/// background (live progress at /jobs/{id}), shows the groups side by side with their make-up and score,
/// moves or locks a participant by hand (one form per participant; split.js posts on a select change or a
/// drag) with the score and broken rules updated at once, saves, compares, publishes and re-plans.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(
    CurrentUser current,
    SplitSettingsStore settingsStore,
    GetSplitBoard board,
    MoveParticipant move,
    LockParticipant lockParticipant,
    SaveSplitVersion save,
    PublishSplit publish,
    SolverJobs jobs) : EditionPage(current)
{
    /// <summary>The demo edition (56 people, 9 cities) is proven optimal in about 10 s on two cores.</summary>
    public const int DefaultSeconds = 20;

    [BindProperty]
    public SplitSettingsForm Settings { get; set; } = new();

    public bool SettingsStored { get; private set; }
    public IReadOnlyList<SplitPlan> Versions { get; private set; } = [];
    public SplitPlan? Plan { get; private set; }
    public SplitInstance? Instance { get; private set; }
    public SplitEvaluation? Evaluation { get; private set; }
    public IReadOnlyDictionary<string, long> GroupScores { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyDictionary<int, CoreParticipant> People { get; private set; } = new Dictionary<int, CoreParticipant>();
    public IReadOnlyList<CoreParticipant> Cohort { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CityNames { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, int? v, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Settings = SplitSettingsForm.From(await settingsStore.LoadAsync(Edition.Id, cancellationToken));
        return await ShowAsync(v, cancellationToken);
    }

    public async Task<IActionResult> OnPostSettingsAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        // The cities are the stored ones; the form cannot add or rename one.
        var known = await settingsStore.LoadAsync(Edition.Id, cancellationToken);
        Settings.Cities = [.. Settings.Cities.Where(c => known.Cities.Any(k => k.CityId == c.CityId))];
        var errors = new Dictionary<string, string>();
        var data = Settings.Parse(errors);
        if (errors.Count == 0)
        {
            foreach (var (field, message) in await settingsStore.SaveAsync(Scope, Edition.Id, data, cancellationToken))
            {
                errors[field] = message;
            }
        }

        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError($"{nameof(Settings)}.{field}", message);
            }

            ModelState.AddModelError(string.Empty, "The settings were not saved: correct the fields marked below.");
            return await ShowAsync(null, cancellationToken);
        }

        Message = "Settings saved. They apply to the next planner run.";
        return Redirect($"/manage/{Edition.Year}/split#settings");
    }

    public async Task<IActionResult> OnPostRunAsync(int year, int? seconds, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var limit = Math.Clamp(seconds ?? DefaultSeconds, 1, 300);
        var job = await jobs.StartAsync(Scope, JobKinds.Split, SplitLock(Edition.Id), $"Splitting the {year} cohort",
            new SplitRunInput(year, Edition.Id, limit), cancellationToken);
        return Redirect($"/jobs/{job}");
    }

    public async Task<IActionResult> OnPostReplanAsync(int year, int? participantId, string? reason, string? cityId, int? seconds, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (participantId is null && string.IsNullOrWhiteSpace(cityId))
        {
            Problem = "Choose the participant who withdraws or the city that drops out.";
            return Redirect($"/manage/{year}/split#replan");
        }

        if (participantId is not null && string.IsNullOrWhiteSpace(reason))
        {
            Problem = "Say why the participant withdraws: a reason is required.";
            return Redirect($"/manage/{year}/split#replan");
        }

        var job = await jobs.StartAsync(Scope, JobKinds.Replan, SplitLock(Edition.Id), $"Re-planning the {year} split",
            new ReplanInput(year, Edition.Id, Math.Clamp(seconds ?? DefaultSeconds, 1, 300), participantId, reason, cityId), cancellationToken);
        return Redirect($"/jobs/{job}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int year, int v, int participantId, string cityId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await move.RunAsync(Scope, Edition.Id, v, participantId, cityId ?? "", cancellationToken);
        Report(outcome, $"Moved to {CityCatalog.NameOf(cityId ?? "")}");
        return Redirect($"/manage/{year}/split?v={v}#p{participantId}");
    }

    public async Task<IActionResult> OnPostLockAsync(int year, int v, int participantId, bool locked, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await lockParticipant.RunAsync(Scope, Edition.Id, v, participantId, locked, cancellationToken);
        Report(outcome, locked ? "Locked" : "Unlocked");
        return Redirect($"/manage/{year}/split?v={v}#p{participantId}");
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, int v, string? name, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (plan, error) = await save.RunAsync(Scope, Edition.Id, v, name, cancellationToken);
        if (plan is null)
        {
            Problem = error;
            return Redirect($"/manage/{year}/split?v={v}");
        }

        Message = $"Saved as version {plan.Version}, a draft you can change.";
        return Redirect($"/manage/{year}/split?v={plan.Version}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, int v, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await publish.RunAsync(Scope, Edition.Id, v, cancellationToken);
        if (result.Succeeded)
        {
            Message = $"Version {v} is published: every participant is now in their city's group.";
        }
        else
        {
            Problem = result.Error;
        }

        return Redirect($"/manage/{year}/split?v={v}");
    }

    public string CityName(string? cityId) => cityId is not null && CityNames.TryGetValue(cityId, out var n) ? n : cityId ?? "";

    public string? FieldError(string field) =>
        ModelState.TryGetValue($"{nameof(Settings)}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private void Report(SplitChangeOutcome outcome, string what)
    {
        if (!outcome.Succeeded)
        {
            Problem = outcome.Error;
            return;
        }

        var e = outcome.Evaluation!;
        Message = $"{what}. Score now {e.Score.ToString("N0", CultureInfo.InvariantCulture)}"
            + (e.IsFeasible ? "; every rule is met." : $"; {e.Violations.Count} rule(s) broken.");
    }

    private async Task<IActionResult> ShowAsync(int? v, CancellationToken cancellationToken)
    {
        if (await board.RunAsync(Scope, Edition.Id, v, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        (SettingsStored, Versions, Plan, Instance, Evaluation, GroupScores, People, Cohort, CityNames) = shown;
        return Page();
    }

    /// <summary>A split run and a re-plan both write the edition's split versions: one at a time.</summary>
    private static string SplitLock(int editionId) => $"split:edition:{editionId}";
}
