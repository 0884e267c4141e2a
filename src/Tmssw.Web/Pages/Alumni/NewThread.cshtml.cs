using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>An alumnus starts a thread under a TLP label (non-alumni: 404). A failed form keeps what was typed.</summary>
[Authorize(Policy = Policies.Participant)]
public sealed class NewThreadModel(CurrentUser current, StartThread start, BrowseAlumniDirectory directory) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    public string? Tlp { get; set; } = "GREEN";

    [BindProperty]
    public string? AudienceTheme { get; set; }

    [BindProperty]
    public string? AudienceRegion { get; set; }

    [BindProperty]
    public List<int> Recipients { get; set; } = [];

    public IReadOnlyList<AlumniEntry> People { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        var outcome = await start.RunAsync(scope, new NewThread(Title, Body, Theme, Tlp, AudienceTheme, AudienceRegion, Recipients), ct);
        if (outcome.ThreadId is { } id)
        {
            return Redirect($"/alumni/exchange/{id}");
        }

        Errors = outcome.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<UserScope> LoadAsync(CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        if (!scope.MayWriteThreads)
        {
            throw new OutOfScopeException("writing in the knowledge exchange");
        }

        People = (await directory.RunAsync(scope, new AlumniFilter(), ct)).Entries.Where(e => e.ParticipantId != scope.ParticipantId).ToList();
        return scope;
    }
}
