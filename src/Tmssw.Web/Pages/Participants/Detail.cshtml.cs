using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// A participant, for the roles that see rosters, within their scope (another scope's participant
/// is a 404). Hosts and Interpreters see the roster fields only, never passport or contact data.
/// Admin and the edition's Staff see sensitive fields masked and may reveal them (audited) and
/// change the status.
/// </summary>
[Authorize(Policy = Policies.Rosters)]
public sealed class DetailModel(
    CurrentUser current,
    GetParticipant getParticipant,
    RevealSensitive reveal,
    ChangeStatuses changeStatus) : EditionPage(current)
{
    public Participant Participant { get; private set; } = null!;
    public string? GroupName { get; private set; }
    public SensitiveValues? Revealed { get; private set; }
    public string? Message { get; private set; }
    public string? StatusError { get; private set; }
    public string? Reason { get; private set; }

    public bool RunsEdition => Scope.RunsEdition(Edition.Id);
    public bool MaySeeSensitive => Scope.MaySeeSensitive(Edition.Id);
    public bool MayEdit => Scope.MayEdit(Participant);

    /// <summary>Nominators see that values are on file (masked, never revealed); hosts and interpreters see nothing of it.</summary>
    public bool ShowsSensitiveSection => Scope.MaySeeSensitiveOnFile(Edition.Id);

    public bool ShowsHistory => Scope.MaySeeHistory(Participant);

    public Task<IActionResult> OnGetAsync(int year, int id, CancellationToken cancellationToken) =>
        LoadParticipantAsync(year, id, cancellationToken);

    public async Task<IActionResult> OnPostRevealAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadParticipantAsync(year, id, cancellationToken) is not PageResult)
        {
            return NotFound();
        }

        if (!MaySeeSensitive)
        {
            return NotFound();
        }

        Revealed = await reveal.RunAsync(Scope, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int year, int id, NominationStatus to, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadParticipantAsync(year, id, cancellationToken) is not PageResult || !RunsEdition)
        {
            return NotFound();
        }

        var result = await changeStatus.RunAsync(Scope, new StatusChangeRequest([id], to, reason), cancellationToken);
        if (!result.Succeeded)
        {
            StatusError = result.Errors[0].Message;
            Reason = reason;
            return Page();
        }

        return RedirectToPage(new { year, id, changed = to.ToString() });
    }

    public string Shown(Func<SensitiveValues, string?> pick, string? cipher)
    {
        if (Revealed is not null)
        {
            return pick(Revealed) ?? "not on file";
        }

        return cipher is null ? "not on file" : "•••••• (masked)";
    }

    private async Task<IActionResult> LoadParticipantAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await getParticipant.RunAsync(Scope, id, Edition.Id, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        Participant = shown.Participant;
        GroupName = shown.GroupName;
        if (Request.Query["changed"] is { Count: > 0 } changed)
        {
            Message = $"Status changed to {changed}.";
        }

        return Page();
    }
}
