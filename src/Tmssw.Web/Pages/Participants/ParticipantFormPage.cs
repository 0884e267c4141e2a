using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// The nominate and edit pages share one form: a failed save re-renders it with what was typed and
/// each problem next to its field.
/// </summary>
public abstract class ParticipantFormPage(CurrentUser current, SaveParticipant save) : EditionPage(current)
{
    [BindProperty]
    public ParticipantInput Input { get; set; } = new();

    public int? ParticipantId { get; protected set; }

    public bool MaySeeSensitive => Scope.MaySeeSensitive(Edition.Id);

    /// <summary>Someone else saved first: shown beside what was typed (which the form keeps).</summary>
    public SaveConflict? Conflict { get; private set; }

    public const string ConflictMessage = "Nothing was saved: someone else saved this participant while you were editing. Compare both versions below; save again to keep yours, or reload to start from theirs.";

    protected async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await save.RunAsync(Scope, Edition.Id, ParticipantId, Input, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Conflict is { } conflict)
        {
            // What was typed stays in the form; the version becomes the stored one, so saving again
            // (after looking at both) knowingly replaces the other save.
            Conflict = conflict;
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            Input.Version = conflict.StoredVersion;
            ModelState.AddModelError(string.Empty, ConflictMessage);
            return Page();
        }

        if (!outcome.Succeeded)
        {
            foreach (var (field, message) in outcome.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            ModelState.AddModelError(string.Empty, "Nothing was saved: correct the fields marked below.");
            return Page();
        }

        return Redirect($"/manage/{Edition.Year}/participants/{outcome.Id}");
    }
}
