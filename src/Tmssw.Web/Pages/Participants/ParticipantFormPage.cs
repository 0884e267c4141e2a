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

    protected async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        var outcome = await save.RunAsync(Scope, Edition.Id, ParticipantId, Input, cancellationToken);
        if (outcome.NotFound)
        {
            return NotFound();
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
