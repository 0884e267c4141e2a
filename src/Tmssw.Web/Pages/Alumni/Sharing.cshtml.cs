using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>
/// /me/alumni: an alumnus chooses, field by field, what the directory shows of them, and the weekly digest
/// (in their language, like the other /me pages). A participant who is not an alumnus gets a 404.
/// </summary>
[Authorize(Policy = Policies.Participant)]
public sealed class SharingModel(CurrentUser current, GetOwnSharing get, SaveOwnSharing save) : PageModel
{
    public OwnSharing Own { get; private set; } = null!;

    [BindProperty]
    public SharingForm Form { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Own = await get.RunAsync(await current.RequireAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        await save.RunAsync(scope, new SharingChoices(Form.Name, Form.Country, Form.Agency, Form.Position, Form.Themes, Form.Edition, Form.CityGroup, Form.Digest), ct);
        Saved = "yes";
        return RedirectToPage();
    }

    public sealed class SharingForm
    {
        public bool Name { get; set; }
        public bool Country { get; set; }
        public bool Agency { get; set; }
        public bool Position { get; set; }
        public bool Themes { get; set; }
        public bool Edition { get; set; }
        public bool CityGroup { get; set; }
        public bool Digest { get; set; }
    }
}
