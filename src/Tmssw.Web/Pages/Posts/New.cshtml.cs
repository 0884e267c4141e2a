using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Posts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Posts;

/// <summary>Staff write a new post (a draft), with a server-rendered preview.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(CurrentUser current, GetPostEditorChoices choices, SavePost save) : PostFormPage(current, choices)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Edition = Choices.EditionYears.Count > 0 ? Choices.EditionYears[0] : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var outcome = await save.RunAsync(Scope, null, Input.ToInput(), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            return Page();
        }

        Message = "Draft saved. Preview it, add images, then publish or schedule it.";
        return RedirectToPage("Edit", new { postId = outcome.PostId });
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        RenderPreview();
        return Page();
    }
}
