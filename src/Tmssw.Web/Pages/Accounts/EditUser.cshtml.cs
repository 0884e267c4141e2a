using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Admin only: change a user's scope, edition assignments and lock.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditUserModel(GetUserAccount getAccount, UpdateUserScope update, CurrentUser current) : PageModel
{
    public sealed class ScopeInput
    {
        public string? Editions { get; set; }
        public string? Country { get; set; }
        public string? CityId { get; set; }
        public int? GroupId { get; set; }
        public int? ParticipantId { get; set; }
        public bool Locked { get; set; }
    }

    [BindProperty]
    public ScopeInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(id, cancellationToken);
        if (account is null)
        {
            return NotFound();
        }

        var shown = account.Scope;
        Input = new ScopeInput
        {
            Editions = string.Join(", ", shown.EditionYears),
            Country = shown.Country,
            CityId = shown.CityId,
            GroupId = shown.GroupId,
            ParticipantId = shown.ParticipantId,
            Locked = shown.Locked,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var years = UsersModel.ParseYears(Input.Editions, "Input.Editions", ModelState);
        if (ModelState.IsValid)
        {
            var by = (await current.RequireAsync(cancellationToken)).Actor;
            var errors = await update.RunAsync(id, new UserScopeChange(Input.Country, Input.CityId, Input.GroupId, Input.ParticipantId, years, Input.Locked), by, cancellationToken);
            foreach (var e in errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }

            Saved = errors.Count == 0;
        }

        return Page();
    }

    private async Task<UserAccount?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await getAccount.RunAsync(await current.RequireAsync(cancellationToken), id, cancellationToken);
        if (account is not null)
        {
            Email = account.Email;
            Roles = account.Roles;
        }

        return account;
    }
}
